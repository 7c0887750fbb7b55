package org.newsroom.publish;

import java.time.Duration;

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
 * @param subscriberBufferSize how many stream events one slow subscriber may have queued before it
 *        is disconnected; bounds memory per subscriber
 */
@Validated
@ConfigurationProperties("newsroom.publish")
public record PublishProperties(
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration writeTimeout,
        @DefaultValue("256") @Min(1) int subscriberBufferSize) {
}
