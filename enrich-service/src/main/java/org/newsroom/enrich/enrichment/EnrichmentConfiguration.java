package org.newsroom.enrich.enrichment;

import java.time.Clock;

import org.newsroom.enrich.cluster.ClusterSettings;
import org.newsroom.enrich.cluster.LiveClusters;
import org.newsroom.enrich.entities.EntityExtractor;
import org.newsroom.enrich.language.LanguageDetector;
import org.newsroom.enrich.language.OpenNlpLanguageDetector;
import org.newsroom.enrich.related.RelatedArchive;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the enrichment service with the system clock in UTC, and the story clusters of the window
 * (filled by the enrichment and by the follower of the enriched topic, see messaging).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterSettings.class)
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
    LiveClusters liveClusters(ClusterSettings settings) {
        return new LiveClusters(settings);
    }

    @Bean
    ArticleEnricher articleEnricher(EntityExtractor entityExtractor, LanguageDetector languageDetector,
            RelatedArchive relatedArchive, LiveClusters liveClusters, Clock clock) {
        return new ArticleEnricher(entityExtractor, languageDetector, relatedArchive, liveClusters, clock);
    }
}
