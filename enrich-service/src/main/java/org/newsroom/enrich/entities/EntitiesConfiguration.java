package org.newsroom.enrich.entities;

import org.newsroom.enrich.EnrichProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the recognizer once at startup: loading the CRF model takes seconds and about 60 MB of heap. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnrichProperties.class)
class EntitiesConfiguration {

    @Bean
    EntityRecognizer entityRecognizer(EnrichProperties properties) {
        return new CoreNlpEntityRecognizer(properties.ner());
    }
}
