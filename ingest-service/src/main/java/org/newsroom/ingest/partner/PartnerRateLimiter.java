package org.newsroom.ingest.partner;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A token bucket per partner: {@link Partner#requestsPerMinute} tokens, refilled evenly over the
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

    /** @throws RateLimitedException if the partner has no request left right now */
    public void acquire(Partner partner) {
        if (partner.requestsPerMinute() == 0) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(partner.id(),
                id -> new Bucket(partner.requestsPerMinute(), clock.millis()));
        long waitMillis = bucket.take(partner.requestsPerMinute(), clock.millis());
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

        /** Takes a token and returns 0, or returns how long until one is available. */
        synchronized long take(int perMinute, long now) {
            tokens = Math.min(perMinute, tokens + (now - updatedAt) * perMinute / MILLIS_PER_MINUTE);
            updatedAt = Math.max(updatedAt, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            // The epsilon keeps floating-point noise from adding a millisecond, and with it a second.
            return (long) Math.ceil((1 - tokens) * MILLIS_PER_MINUTE / perMinute - 1e-6);
        }
    }
}
