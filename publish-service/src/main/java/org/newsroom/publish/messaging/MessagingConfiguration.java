package org.newsroom.publish.messaging;

import java.util.function.Function;

import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.PublishedArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.publish.PublishProperties;
import org.newsroom.publish.intake.ArticleIntake;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code storeArticle} function bound to {@code storeArticle-in-0} and {@code storeArticle-out-0}
 * (see application.yml for destinations, group, retries and dead-letter topic) and the topics it
 * reads and writes.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    Function<Message<EnrichedArticleEvent>, @Nullable Message<PublishedArticleEvent>> storeArticle(
            ArticleIntake intake, PublishProperties properties, ObjectProvider<Tracer> tracer) {
        return new StoreArticleFunction(intake, properties.writeTimeout(), tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    @Bean
    StoreRetries storeRetries(KafkaProperties kafka, PublishProperties properties) {
        return new StoreRetries(kafka, properties.writeTimeout());
    }

    /** Declared here too so that start order of the services does not matter. */
    @Bean
    NewTopic enrichedTopic() {
        return Topics.ENRICHED.toNewTopic();
    }

    @Bean
    NewTopic publishedTopic() {
        return Topics.PUBLISHED.toNewTopic();
    }
}
