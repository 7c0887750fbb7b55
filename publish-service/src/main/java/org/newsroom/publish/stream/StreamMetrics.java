package org.newsroom.publish.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What operators watch of the live stream: how many subscribers are connected, and how long a story
 * takes from the partner's push (ingest's acceptance) to a subscriber's connection. Only live
 * deliveries count towards the latency: a catch-up replays old events on purpose, and counting it
 * would say more about how long a client was away than about the pipeline.
 */
@Component
public class StreamMetrics {

    static final String SUBSCRIBERS = "newsroom.stream.subscribers";

    static final String DELIVERY_LATENCY = "newsroom.delivery.latency";

    private final Timer deliveryLatency;

    private final Clock clock;

    public StreamMetrics(MeterRegistry registry, ConnectionLimiter limiter, Clock clock) {
        Gauge.builder(SUBSCRIBERS, limiter, ConnectionLimiter::openConnections)
                .description("Streams open on this instance")
                .register(registry);
        this.deliveryLatency = Timer.builder(DELIVERY_LATENCY)
                .description("From the partner's push accepted by ingest to the event handed to a live subscriber")
                .register(registry);
        this.clock = clock;
    }

    /** A story accepted by ingest at the given instant was just handed to a live subscriber. */
    void deliveredLive(Instant receivedAt) {
        Duration latency = Duration.between(receivedAt, clock.instant());
        if (!latency.isNegative()) {
            deliveryLatency.record(latency);
        }
    }
}
