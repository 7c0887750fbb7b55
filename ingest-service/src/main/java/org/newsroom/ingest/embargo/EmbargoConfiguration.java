package org.newsroom.ingest.embargo;

import java.time.Clock;

import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.article.ArticlePublisher;
import org.newsroom.ingest.kafka.ConsumerLoop;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** The releaser of this instance, in the consumer group that shares the holds among ingest instances. */
@Configuration(proxyBeanMethods = false)
class EmbargoConfiguration {

    static final String GROUP = "ingest-embargo";

    @Bean
    EmbargoReleaser embargoReleaser(KafkaProperties kafka, ArticlePublisher publisher, JsonMapper json, Clock clock,
            IngestProperties properties, ObjectProvider<ObservationRegistry> observations) {
        return new EmbargoReleaser(ConsumerLoop.configOf(kafka, "ingest-embargo-releaser", GROUP), publisher, json,
                clock, properties.kafka().sendDeadline(), observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
