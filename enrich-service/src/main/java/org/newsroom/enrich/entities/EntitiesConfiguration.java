package org.newsroom.enrich.entities;

import java.util.List;

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

    /**
     * The CRF, then its corrections in this order: the gazetteer first so that known names are
     * found, then the junk and teaser filters so that they also drop what the gazetteer found
     * inside a teaser line.
     */
    @Bean
    EntityRecognizer entityRecognizer(EnrichProperties properties, AliasTable aliases) {
        return new RefiningEntityRecognizer(new CoreNlpEntityRecognizer(properties.ner()), List.of(
                new AliasGazetteer(aliases), new JunkMentionFilter(aliases), new TeaserMentionFilter()),
                aliases.version());
    }

    @Bean
    EntityExtractor entityExtractor(EntityRecognizer entityRecognizer, AliasTable aliases) {
        return new EntityExtractor(entityRecognizer, aliases);
    }
}
