package org.newsroom.publish.stream;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.newsroom.publish.PublishProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Feeds the live subscribers of this instance from the shared stream event log.
 *
 * <p>Each instance consumes only some partitions of the enriched topic, so its own consumer cannot
 * feed its subscribers: one poller per instance reads every partition's new events from the log, at
 * a fixed interval and at once when this instance recorded something, and hands each event to every
 * subscriber's {@link LiveFeed}. Subscribers never query the log for live events, so the load on
 * MongoDB does not grow with the number of connections.
 */
@Component
public class LiveStreamHub implements NewEventsSignal, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreamHub.class);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final StreamEventLog streamEvents;

    private final Set<LiveFeed> feeds = ConcurrentHashMap.newKeySet();

    private final Sinks.Many<Boolean> wakeUps = Sinks.many().unicast().onBackpressureBuffer();

    private final Duration pollInterval;

    private final int batchSize;

    private final int subscriberBufferSize;

    private StreamCursor head = StreamCursor.ORIGIN;

    private volatile Disposable poller = Disposables.disposed();

    private volatile boolean running;

    public LiveStreamHub(StreamEventLog streamEvents, PublishProperties properties) {
        this.streamEvents = streamEvents;
        this.pollInterval = properties.stream().pollInterval();
        this.batchSize = properties.stream().pollBatchSize();
        this.subscriberBufferSize = properties.subscriberBufferSize();
    }

    /** Starts at the head of the log: what was recorded before is for resuming clients to read. */
    @Override
    public void start() {
        StreamCursor initial = streamEvents.head().block(START_TIMEOUT);
        synchronized (this) {
            head = initial == null ? StreamCursor.ORIGIN : initial;
        }
        Flux<Object> triggers = Flux.merge(Flux.interval(pollInterval, pollInterval), wakeUps.asFlux());
        poller = triggers.onBackpressureLatest()
                .concatMap(trigger -> pollUntilCaughtUp(), 1)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        poller.dispose();
        List.copyOf(feeds).forEach(LiveFeed::shutDown);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void newEventsRecorded() {
        wakeUps.tryEmitNext(Boolean.TRUE);
    }

    /**
     * A new feed of every event after the current head. Taking the head and joining the fan-out
     * happen under the lock that also guards handing out events, so no event falls in between.
     */
    synchronized LiveFeed subscribe() {
        LiveFeed feed = new LiveFeed(subscriberBufferSize, head, feeds::remove);
        feeds.add(feed);
        return feed;
    }

    public int subscriberCount() {
        return feeds.size();
    }

    /** Reads windows until the newest event, so a burst is handed out without waiting for the next tick. */
    Mono<Void> pollUntilCaughtUp() {
        return Mono.defer(() -> streamEvents.readAfter(currentHead(), batchSize))
                .flatMap(page -> {
                    handOut(page);
                    return page.complete() ? Mono.<Void>empty() : pollUntilCaughtUp();
                })
                .onErrorResume(error -> {
                    log.warn("Reading new stream events failed, retrying at the next poll: {}", error.toString());
                    return Mono.empty();
                });
    }

    /** The last event of every partition this instance's live stream has handed out. */
    synchronized StreamCursor currentHead() {
        return head;
    }

    /** Hands out the page's events, then moves the head to where the page was read. */
    private synchronized void handOut(StreamEventLog.LogPage page) {
        for (StreamEvent event : page.events()) {
            if (!head.covers(event.position())) {
                head = head.advance(event.position());
                feeds.forEach(feed -> feed.offer(event));
            }
        }
        head = head.max(page.scannedThrough());
    }
}
