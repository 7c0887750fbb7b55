package org.newsroom.enrich.enrichment;

import java.time.Clock;

import org.newsroom.enrich.entities.EntityExtractor;
import org.newsroom.enrich.language.LanguageDetector;
import org.newsroom.enrich.language.OpenNlpLanguageDetector;
import org.newsroom.enrich.related.RelatedArchive;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the enrichment service with the system clock in UTC. */
@Configuration(proxyBeanMethods = false)
class EnrichmentConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LanguageDetector languageDetector() {
        return new OpenNlpLanguageDetector();
    }

    @Bean
    ArticleEnricher articleEnricher(EntityExtractor entityExtractor, LanguageDetector languageDetector,
            RelatedArchive relatedArchive, Clock clock) {
        return new ArticleEnricher(entityExtractor, languageDetector, relatedArchive, clock);
    }
}
