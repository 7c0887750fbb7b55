package org.newsroom.publish;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tuning of publish-service.
 *
 * @param heartbeatInterval how often an idle stream gets a comment line, so that proxies and
 *        clients do not mistake a quiet news day for a dead connection
 * @param writeTimeout how long the Kafka consumer waits for MongoDB to store one article before the
 *        delivery counts as failed and is retried; bounded so a hung database cannot stall the
 *        partition forever
 * @param subscriberBufferSize how many stream events one subscriber may have queued (while it
 *        catches up or reads slowly) before it gets its final event and is disconnected; bounds
 *        memory per subscriber
 * @param stream how the live stream is fed and bounded
 * @param retention how much of the stream event log is kept for resuming clients
 */
@Validated
@ConfigurationProperties(PublishProperties.PREFIX)
public record PublishProperties(
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration writeTimeout,
        @DefaultValue("256") @Min(1) int subscriberBufferSize,
        @DefaultValue @Valid Stream stream,
        @DefaultValue @Valid Retention retention) {

    /** The prefix of these properties. */
    public static final String PREFIX = "newsroom.publish";

    /**
     * @param pollInterval how often each instance reads new events of every partition from the
     *        shared log; events stored by this instance's own consumer are read at once instead. A
     *        poll that finds nothing new reads one small document per partition, so it can be often:
     *        it is the wait an event stored by another instance adds before reaching subscribers here
     * @param pollBatchSize how many positions (source offsets) one read of the log looks up at most
     * @param maxConnectionLifetime after this long a connection gets its final {@code end} event with
     *        its resume cursor and is closed, so that load rebalances across instances and no
     *        connection lives forever
     * @param maxConnections streams open at once on this instance; more get 503
     * @param maxConnectionsPerClient streams open at once from one remote address; more get 429
     * @param retryAfter what refused clients are told to wait before trying again
     */
    public record Stream(
            @DefaultValue("100ms") Duration pollInterval,
            @DefaultValue("500") @Min(1) int pollBatchSize,
            @DefaultValue("30m") Duration maxConnectionLifetime,
            @DefaultValue("10000") @Min(1) int maxConnections,
            @DefaultValue("16") @Min(1) int maxConnectionsPerClient,
            @DefaultValue("5s") Duration retryAfter) {
    }

    /**
     * @param maxEventsPerPartition events kept per source partition, newest first
     * @param maxAge events older than this are dropped
     * @param trimInterval how often the log is trimmed
     */
    public record Retention(
            @DefaultValue("100000") @Min(1) int maxEventsPerPartition,
            @DefaultValue("7d") Duration maxAge,
            @DefaultValue("1m") Duration trimInterval) {
    }

    /** Defaults everywhere except the given values; for tests and tools. */
    public static PublishProperties of(Duration heartbeatInterval, Duration writeTimeout, int subscriberBufferSize) {
        return new PublishProperties(heartbeatInterval, writeTimeout, subscriberBufferSize,
                new Stream(Duration.ofMillis(100), 500, Duration.ofMinutes(30), 10000, 16, Duration.ofSeconds(5)),
                new Retention(100000, Duration.ofDays(7), Duration.ofMinutes(1)));
    }

    public PublishProperties withStream(Stream stream) {
        return new PublishProperties(heartbeatInterval, writeTimeout, subscriberBufferSize, stream, retention);
    }

    public PublishProperties withRetention(Retention retention) {
        return new PublishProperties(heartbeatInterval, writeTimeout, subscriberBufferSize, stream, retention);
    }
}
