package org.newsroom.publish.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.newsroom.contract.DeadLetterStage;
import org.newsroom.contract.Topics;
import org.newsroom.publish.PublishProperties;
import org.newsroom.publish.intake.ArticleIntake;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;

/**
 * The {@code storeArticle} batch consumer bound to {@code storeArticle-in-0} (see application.yml for
 * destination, group, batch mode, retries and dead-letter topic), its receipts and dead letters, and
 * the topics it reads and writes.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    Consumer<Message<List<byte[]>>> storeArticle(ArticleIntake intake, JsonMapper json, PublishProperties properties,
            KafkaProperties kafka) {
        return new StoreArticleBatches(intake, new Receipts(producer(kafka.buildProducerProperties()), json, properties.writeTimeout()), json,
                properties.writeTimeout());
    }

    @Bean
    StoreRetries storeRetries(KafkaProperties kafka, PublishProperties properties) {
        return new StoreRetries(producer(DeadLetterStage.producerConfig(kafka.buildProducerProperties(),
                StoreRetries.STAGE)), properties.writeTimeout());
    }

    /** Byte records, acknowledged by all in-sync replicas, idempotent (the client's defaults). */
    private static KafkaTemplate<byte[], byte[]> producer(Map<String, Object> config) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config,
                new ByteArraySerializer(), new ByteArraySerializer()));
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
