package org.newsroom.enrich.entities;

import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the entity extraction once at startup: loading the CRF model takes seconds and about
 * 60 MB of heap, the alias table a fraction of a second and a few MB.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnrichProperties.class)
class EntitiesConfiguration {

    @Bean
    AliasTable aliasTable(EnrichProperties properties) {
        return AliasTable.load(properties.aliases().resource());
    }

    /** The pipeline of {@link StandardEntityPipeline}, shared by the evaluation and the benchmark. */
    @Bean
    EntityRecognizer entityRecognizer(EnrichProperties properties, AliasTable aliases) {
        return StandardEntityPipeline.recognizer(properties.ner(), aliases);
    }

    @Bean
    EntityExtractor entityExtractor(EntityRecognizer entityRecognizer, AliasTable aliases) {
        return new EntityExtractor(entityRecognizer, aliases);
    }
}
