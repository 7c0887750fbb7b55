package org.newsroom.enrich.enrichment;

import java.time.Clock;

import org.newsroom.enrich.entities.EntityRecognizer;
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
    ArticleEnricher articleEnricher(EntityRecognizer entityRecognizer, Clock clock) {
        return new ArticleEnricher(entityRecognizer, clock);
    }
}
