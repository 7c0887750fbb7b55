package org.newsroom.ingest;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and timeouts of story intake.
 *
 * @param maxBodyChars the longest story body accepted, in UTF-16 chars; longer bodies get 413
 * @param maxRequestSize the largest JSON request read into memory; larger requests get 413. It must
 *        leave room for a body of {@code maxBodyChars} in UTF-8 plus the other fields
 * @param retryAfter what a 503 tells the partner to wait before retrying
 * @param kafka how long a write to Kafka may take before the partner gets a 503
 * @param maxFutureSkew how far in the future a story's {@code firstCreated} may lie: a partner's clock
 *        may run a little ahead, but a story created later than this is refused (400 naming
 *        {@code firstCreated}), because the lists sort by it and it would stay on top of every one
 * The partners under the same prefix are bound by the partner package's own properties.
 */
@ConfigurationProperties("newsroom.ingest")
@Validated
public record IngestProperties(
        @DefaultValue("1048576") @Positive int maxBodyChars,
        @DefaultValue("8MB") DataSize maxRequestSize,
        @DefaultValue("10s") Duration retryAfter,
        @DefaultValue @Valid Kafka kafka,
        @DefaultValue("5m") Duration maxFutureSkew) {

    /**
     * Producer timeouts. They bound the answer time when Kafka is unreachable: a send blocks at most
     * {@code maxBlock} for metadata and then completes within {@code deliveryTimeout}.
     *
     * @param maxBlock Kafka's {@code max.block.ms}
     * @param requestTimeout Kafka's {@code request.timeout.ms}
     * @param deliveryTimeout Kafka's {@code delivery.timeout.ms}; Kafka requires it to be at least
     *        {@code requestTimeout}, checked here so that a bad setting fails at startup instead of
     *        turning every story into a 503
     */
    public record Kafka(
            @DefaultValue("5s") Duration maxBlock,
            @DefaultValue("5s") Duration requestTimeout,
            @DefaultValue("10s") Duration deliveryTimeout) {

        public Kafka {
            if (deliveryTimeout.compareTo(requestTimeout) < 0) {
                throw new IllegalArgumentException("newsroom.ingest.kafka.delivery-timeout (" + deliveryTimeout
                        + ") must be at least newsroom.ingest.kafka.request-timeout (" + requestTimeout + ")");
            }
        }

        /**
         * The latest moment a send can complete according to the producer's own guarantees; used
         * as a safety net so that a partner never waits longer than that.
         */
        public Duration sendDeadline() {
            return maxBlock.plus(deliveryTimeout);
        }
    }
}
