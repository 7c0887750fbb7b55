package org.newsroom.ingest.embargo;

import java.time.Clock;

import org.newsroom.contract.Topics;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.article.ArticlePublisher;
import org.newsroom.ingest.state.TopicConsumers;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The releaser of this instance, in the consumer group that shares the holds among ingest instances. */
@Configuration(proxyBeanMethods = false)
class EmbargoConfiguration {

    static final String GROUP = "ingest-embargo";

    @Bean
    EmbargoReleaser embargoReleaser(TopicConsumers consumers, HeldEmbargoes holds, ArticlePublisher publisher,
            Clock clock, IngestProperties properties, ObjectProvider<ObservationRegistry> observations) {
        return new EmbargoReleaser(consumers.of(Topics.EMBARGOED, "ingest-embargo-releaser", GROUP), GROUP, holds,
                publisher, clock, properties.kafka().sendDeadline(), observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
