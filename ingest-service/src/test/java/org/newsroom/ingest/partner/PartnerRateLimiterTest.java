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
            limiter.acquire(limited, 1);
        }

        assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> limiter.acquire(limited, 1))
                .satisfies(e -> assertThat(e.retryAfterSeconds()).isEqualTo(10))
                .withMessage("Partner limited may send 6 stories per minute; retry after 10 seconds");
    }

    @Test
    void refillsEvenlyOverTheMinute() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire(limited, 1);
        }
        clock.advance(Duration.ofSeconds(7));

        assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> limiter.acquire(limited, 1))
                .satisfies(e -> assertThat(e.retryAfterSeconds()).isEqualTo(3));
        clock.advance(Duration.ofSeconds(3));
        assertThatNoException().isThrownBy(() -> limiter.acquire(limited, 1));
    }

    @Test
    void zeroMeansUnlimited() {
        Partner unlimited = new Partner("free", "key", "secret", null);

        for (int i = 0; i < 10_000; i++) {
            assertThatNoException().as("request %d", i).isThrownBy(() -> limiter.acquire(unlimited, 1_000));
        }
    }

    @Test
    void aBatchCountsEveryStoryAndIsTakenWholeOrNotAtAll() {
        limiter.acquire(limited, 4);

        assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> limiter.acquire(limited, 3))
                .satisfies(e -> assertThat(e.retryAfterSeconds()).isEqualTo(10));
        limiter.acquire(limited, 2);
        assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> limiter.acquire(limited, 1));
    }

    @Test
    void aBatchLargerThanTheMinuteCanNeverPassAndSaysSo() {
        assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> limiter.acquire(limited, 7))
                .withMessage("Partner limited may send 6 stories per minute, and this request holds 7; "
                        + "split it into smaller batches");
        limiter.acquire(limited, 6);
    }
}
