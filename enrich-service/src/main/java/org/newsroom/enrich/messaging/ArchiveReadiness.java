package org.newsroom.enrich.messaging;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the archive index has caught up with the article topic, as a health indicator in the
 * readiness group: until then the enrichment does not consume (its binding starts on catch-up),
 * since related links and keywords found against a partial archive would be weaker and written to
 * a topic kept forever. When the archive catches up it starts the enrichment, once.
 */
final class ArchiveReadiness implements HealthIndicator {

    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private final Runnable onCaughtUp;
    private volatile long indexed;
    private volatile long behind = -1;

    /** @param onCaughtUp what to start once the archive has caught up */
    ArchiveReadiness(Runnable onCaughtUp) {
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
