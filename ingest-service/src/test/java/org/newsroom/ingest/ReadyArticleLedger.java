package org.newsroom.ingest;

import org.newsroom.ingest.ledger.ArticleLedger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An article ledger that has "read" an empty log, for web slice tests that run without Kafka. Its
 * state lives as long as the cached context, so tests that write must use their own uris.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReadyArticleLedger {

    @Bean
    ArticleLedger articleLedger() {
        ArticleLedger ledger = new ArticleLedger();
        ledger.markCaughtUp();
        return ledger;
    }
}
