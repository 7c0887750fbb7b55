package org.newsroom.enrich.messaging;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether a follower has caught up with its topic, as a health indicator in the readiness group:
 * {@code archive}, the archive index with the article topic, and {@code clusters}, the story
 * clusters with the enriched topic. Until both have, the enrichment does not consume (its binding
 * starts on catch-up), since related links, keywords and clusters found against a partial state
 * would be weaker or wrong and written to a topic kept forever. When the follower catches up it
 * runs its action once.
 */
final class FollowerReadiness implements HealthIndicator {

    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private final Runnable onCaughtUp;
    private volatile long indexed;
    private volatile long behind = -1;

    /** @param onCaughtUp what to start once the archive has caught up */
    FollowerReadiness(Runnable onCaughtUp) {
        this.onCaughtUp = onCaughtUp;
    }

    /** How far the follower is: records indexed since start, and still to read up to the start's end (-1 if unknown yet). */
    void progress(long indexedSinceStart, long recordsBehind) {
        indexed = indexedSinceStart;
        behind = recordsBehind;
    }

    void caughtUp() {
        behind = 0;
        if (caughtUp.compareAndSet(false, true)) {
            onCaughtUp.run();
        }
    }

    boolean isCaughtUp() {
        return caughtUp.get();
    }

    @Override
    public Health health() {
        Health.Builder health = caughtUp.get() ? Health.up() : Health.outOfService();
        return health.withDetail("caughtUp", caughtUp.get())
                .withDetail("indexedSinceStart", indexed)
                .withDetail("recordsBehind", behind)
                .build();
    }
}
