package org.newsroom.publish.stream;

import org.newsroom.publish.PublishProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * Fans stream events out to the live subscribers of this instance.
 *
 * <p>The sink itself keeps nothing: events emitted while nobody listens are gone (they are in the
 * stream event log). Each subscriber gets its own bounded buffer; a subscriber that falls further
 * behind is cut off from the hub, receives what its buffer holds and then an overflow error that
 * ends its stream, so it reconnects instead of growing memory or silently missing events.
 */
@Component
public class LiveStreamHub {

    private static final Logger log = LoggerFactory.getLogger(LiveStreamHub.class);

    private final Sinks.Many<StreamEvent> sink = Sinks.many().multicast().directBestEffort();

    private final int subscriberBufferSize;

    public LiveStreamHub(PublishProperties properties) {
        this.subscriberBufferSize = properties.subscriberBufferSize();
    }

    /** Synchronized because the sink accepts one emitter at a time and consumers may run concurrently. */
    public synchronized void publish(StreamEvent event) {
        Sinks.EmitResult result = sink.tryEmitNext(event);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.warn("Stream event {} not pushed live: {}", event.cursor(), result);
        }
    }

    public Flux<StreamEvent> events() {
        return sink.asFlux().onBackpressureBuffer(subscriberBufferSize,
                dropped -> log.info("Disconnecting a stream subscriber more than {} events behind", subscriberBufferSize));
    }

    public int subscriberCount() {
        return sink.currentSubscriberCount();
    }
}
