package org.newsroom.ingest.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class PartnerRateLimiterTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {

        private Instant now = Instant.parse("2026-03-04T05:06:07Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    private final PartnerRateLimiter limiter = new PartnerRateLimiter(clock);

    private final Partner limited = new Partner("limited", "key", "secret", List.of(), 6);

    @Test
    void allowsABurstUpToTheRateThenSaysHowLongToWait() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire(limited);
        }

        assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> limiter.acquire(limited))
                .satisfies(e -> assertThat(e.retryAfterSeconds()).isEqualTo(10))
                .withMessage("Partner limited may send 6 requests per minute; retry after 10 seconds");
    }

    @Test
    void refillsEvenlyOverTheMinute() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire(limited);
        }
        clock.advance(Duration.ofSeconds(7));

        assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> limiter.acquire(limited))
                .satisfies(e -> assertThat(e.retryAfterSeconds()).isEqualTo(3));
        clock.advance(Duration.ofSeconds(3));
        assertThatNoException().isThrownBy(() -> limiter.acquire(limited));
    }

    @Test
    void zeroMeansUnlimited() {
        Partner unlimited = new Partner("free", "key", "secret", null);

        Partner onePerMinute = new Partner("slow", "key", "secret", List.of(), 1);
        limiter.acquire(onePerMinute);

        // At the same instant that a limited partner is refused, the unlimited one is never refused.
        assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> limiter.acquire(onePerMinute));
        assertThatNoException().isThrownBy(() -> {
            for (int i = 0; i < 10_000; i++) {
                limiter.acquire(unlimited);
            }
        });
    }
}
