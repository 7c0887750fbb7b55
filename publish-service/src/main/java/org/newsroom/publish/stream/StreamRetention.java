package org.newsroom.publish.stream;

import java.time.Clock;
import java.time.Duration;

import org.newsroom.publish.PublishProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Trims the stream event log at a fixed interval to the configured count per partition and age,
 * so that it does not grow forever; clients whose cursor falls behind the trim get a reset.
 * Every instance trims; trimming is idempotent, so they need no coordination.
 */
@Component
public class StreamRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamRetention.class);

    private final StreamEventLog streamEvents;

    private final PublishProperties.Retention retention;

    private final Clock clock;

    private volatile Disposable trimming = Disposables.disposed();

    public StreamRetention(StreamEventLog streamEvents, PublishProperties properties, Clock clock) {
        this.streamEvents = streamEvents;
        this.retention = properties.retention();
        this.clock = clock;
    }

    /** Trims once now; completes with the number of events removed. */
    public Mono<Long> trimNow() {
        return streamEvents.trim(retention.maxEventsPerPartition(), clock.instant().minus(retention.maxAge()));
    }

    @Override
    public void start() {
        Duration interval = retention.trimInterval();
        trimming = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> trimNow().onErrorResume(error -> {
                    log.warn("Trimming the stream event log failed: {}", error.toString());
                    return Mono.empty();
                }), 1)
                .subscribe(removed -> {
                    if (removed > 0) {
                        log.info("Trimmed {} stream events", removed);
                    }
                });
    }

    @Override
    public void stop() {
        trimming.dispose();
    }

    @Override
    public boolean isRunning() {
        return !trimming.isDisposed();
    }
}
