package org.newsroom.publish.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.newsroom.publish.PublishProperties;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The per-client and global caps on open streams. */
class ConnectionLimiterTest {

    private final PublishProperties defaults = PublishProperties.of(Duration.ofSeconds(15), Duration.ofSeconds(10), 8);

    private final ConnectionLimiter limiter = new ConnectionLimiter(defaults.withStream(new PublishProperties.Stream(
            Duration.ofMillis(300), 500, Duration.ofMinutes(30), 3, 2, Duration.ofSeconds(7))));

    @Test
    void refusesAClientOverItsCapWith429AndEveryoneOverTheGlobalCapWith503() {
        // Given one client holds its two streams
        Runnable first = limiter.acquire("10.0.0.1");
        limiter.acquire("10.0.0.1");

        // Then its third is refused as too many, with a time to retry
        assertThatThrownBy(() -> limiter.acquire("10.0.0.1")).isInstanceOfSatisfying(ErrorResponseException.class,
                refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("7");
                });

        // When another client takes the last place, then a third client finds the instance full
        limiter.acquire("10.0.0.2");
        assertThatThrownBy(() -> limiter.acquire("10.0.0.3")).isInstanceOfSatisfying(ErrorResponseException.class,
                refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(limiter.openConnections()).isEqualTo(3);

        // And releasing a stream (twice counts once) frees exactly one place
        first.run();
        first.run();
        assertThat(limiter.openConnections()).isEqualTo(2);
        limiter.acquire("10.0.0.1");
        assertThat(limiter.openConnections()).isEqualTo(3);
    }
}
