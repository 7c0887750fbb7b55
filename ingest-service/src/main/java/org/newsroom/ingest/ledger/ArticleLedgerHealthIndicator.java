package org.newsroom.ingest.ledger;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: until the ledger has read the whole article log, a repeated push could not be
 * recognized, so the instance must not receive traffic.
 */
@Component
class ArticleLedgerHealthIndicator implements HealthIndicator {

    private final ArticleLedger ledger;

    ArticleLedgerHealthIndicator(ArticleLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Health health() {
        return ledger.isCaughtUp() ? Health.up().build()
                : Health.down().withDetail("reason", "still reading the article log").build();
    }
}
