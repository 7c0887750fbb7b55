package org.newsroom.ingest.partner;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A token bucket per partner: {@link Partner#storiesPerMinute} tokens, one per story, refilled evenly over the
 * minute, so that a partner can burst after a quiet spell but not sustain more than its rate. The
 * buckets are per ingest instance; with n instances behind a balancer a partner gets up to n times
 * its rate, which is acceptable for protecting each instance.
 */
@Component
public class PartnerRateLimiter {

    private static final double MILLIS_PER_MINUTE = 60_000;

    private final Clock clock;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public PartnerRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes all of a request's stories or none: a batch is refused whole, so that the partner can
     * send it again unchanged.
     *
     * @param stories how many stories the request holds: 1, or the lines of a batch, the items of a feed
     * @throws RateLimitedException if the partner has not that many stories left right now
     */
    public void acquire(Partner partner, int stories) {
        int perMinute = partner.storiesPerMinute();
        if (perMinute == 0) {
            return;
        }
        if (stories > perMinute) {
            throw RateLimitedException.batchTooLarge(partner, stories);
        }
        Bucket bucket = buckets.computeIfAbsent(partner.id(), id -> new Bucket(perMinute, clock.millis()));
        long waitMillis = bucket.take(perMinute, stories, clock.millis());
        if (waitMillis > 0) {
            throw new RateLimitedException(partner, Math.max(1, (waitMillis + 999) / 1000));
        }
    }

    private static final class Bucket {

        private double tokens;

        private long updatedAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updatedAt = now;
        }

        /** Takes {@code count} tokens and returns 0, or returns how long until that many are available. */
        synchronized long take(int perMinute, int count, long now) {
            tokens = Math.min(perMinute, tokens + (now - updatedAt) * perMinute / MILLIS_PER_MINUTE);
            updatedAt = Math.max(updatedAt, now);
            if (tokens >= count) {
                tokens -= count;
                return 0;
            }
            // The epsilon keeps floating-point noise from adding a millisecond, and with it a second.
            return (long) Math.ceil((count - tokens) * MILLIS_PER_MINUTE / perMinute - 1e-6);
        }
    }
}
