package org.newsroom.publish.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.publish.PublishProperties;
import org.newsroom.publish.article.ArticleView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Builds the stream of one subscriber: the catch-up from the shared log, then the live events,
 * filtered, with heartbeats, ending with an {@code end} event that carries the resume cursor.
 *
 * <p>No gap and no duplicate between catch-up and live: the subscriber joins the live fan-out
 * first (its {@link LiveFeed} buffers), then reads the catch-up from the log, then drains the
 * buffer. Whatever was recorded before the catch-up read is in the catch-up; whatever was recorded
 * after it reaches the fan-out after the subscriber joined. The events both deliver are dropped the
 * second time because the cursor already covers them.
 */
@Component
public class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    /** Where a client that got a {@code reset} reloads the current state from. */
    static final String REFETCH = "/v1/articles";

    private final LiveStreamHub hub;

    private final StreamEventLog streamEvents;

    /**
     * One ticker for every subscriber of the instance (a timer per connection was part of what each
     * idle one cost), running while any is connected; a subscriber that cannot take a tick misses it.
     */
    private final Flux<Item> heartbeats;

    private final Duration maxLifetime;

    private final int batchSize;

    private final StreamMetrics metrics;

    public LiveStream(LiveStreamHub hub, StreamEventLog streamEvents, PublishProperties properties,
            StreamMetrics metrics) {
        this.hub = hub;
        this.streamEvents = streamEvents;
        this.metrics = metrics;
        Duration heartbeatInterval = properties.heartbeatInterval();
        this.heartbeats = Flux.interval(heartbeatInterval, heartbeatInterval).<Item>map(tick -> Tick.TICK).share();
        this.maxLifetime = properties.stream().maxConnectionLifetime();
        this.batchSize = properties.stream().pollBatchSize();
    }

    /**
     * The messages of one subscriber. The first is a heartbeat carrying the start cursor, so a
     * client that disconnects before any event still resumes from where it started.
     */
    public Flux<StreamMessage> open(StreamStart start, StreamFilter filter) {
        return Flux.defer(() -> {
            LiveFeed feed = hub.subscribe();
            Session session = new Session(filter, metrics);
            Mono<StreamCursor> from = start.cursor() != null ? Mono.just(start.cursor())
                    : start.since() != null ? streamEvents.cursorAt(start.since()) : Mono.just(feed.start());
            Flux<Item> events = from.flatMapMany(cursor -> Flux.concat(Flux.just(new Start(cursor)),
                    catchUp(cursor), feed.events().map(EventItem::live)));
            return Flux.merge(1, events, heartbeats.onBackpressureDrop())
                    // One item at a time, so a slow reader leaves events in its feed's bounded buffer, where
                    // overflowing it ends the stream, instead of in a prefetch queue here.
                    .concatMapIterable(session::handle, 1)
                    .doOnNext(session::delivered)
                    .takeUntilOther(Mono.delay(maxLifetime))
                    .concatWith(Mono.fromSupplier(() -> session.end("lifetime")))
                    .onErrorResume(error -> Mono.fromSupplier(() -> session.end(reasonOf(error))))
                    .doFinally(signal -> feed.end());
        });
    }

    private static String reasonOf(Throwable error) {
        if (Exceptions.isOverflow(error)) {
            return "too-slow";
        }
        if (error instanceof LiveFeed.InstanceStoppingException) {
            return "shutdown";
        }
        log.warn("A stream ended early: {}", error.toString());
        return "unavailable";
    }

    /**
     * The logged events after the cursor, window by window. The trim marks are read after each
     * window: if events after the cursor may have been trimmed (before or while reading), the client
     * gets a reset and continues from the head of the log, never a silent jump.
     */
    private Flux<Item> catchUp(StreamCursor from) {
        return streamEvents.readAfter(from, batchSize)
                .zipWhen(page -> streamEvents.trimmedThrough())
                .flatMapMany(read -> {
                    StreamEventLog.LogPage page = read.getT1();
                    if (from.isBehind(read.getT2())) {
                        return streamEvents.head().map(from::max)
                                .flatMapMany(head -> Flux.concat(Flux.just(new ResetItem(head)), catchUp(head)));
                    }
                    Flux<Item> items = Flux.fromIterable(page.events()).map(EventItem::caughtUp);
                    if (page.complete()) {
                        return items;
                    }
                    return items.concatWith(Flux.defer(() -> catchUp(page.scannedThrough())));
                });
    }

    /** The {@code index}th message of the event: the article first, then the clusters it changed. */
    static StreamMessage messageOf(StreamEvent event, int index, StreamCursor cursor) {
        ArticleView article = event.article();
        if (index > 0) {
            return new StreamMessage(StreamMessage.CLUSTERED, cursor.encode(), event.clustered().get(index - 1));
        }
        String name = article.action().name().toLowerCase(Locale.ROOT);
        Object data = article.action() == ArticleAction.KILLED ? new StreamMessage.Killed(article.id(), article.uri())
                : article;
        return new StreamMessage(name, cursor.encode(), data);
    }

    private static boolean passes(StreamFilter filter, StreamEvent event, int index) {
        return index == 0 ? filter.matches(event.article())
                : filter.matches(event.article(), event.clustered().get(index - 1));
    }

    /** What flows into a session, in order; heartbeat ticks are merged in. */
    private sealed interface Item permits Start, EventItem, ResetItem, Tick {
    }

    private record Start(StreamCursor cursor) implements Item {
    }

    /** An event, and whether it came from the live fan-out rather than the catch-up read. */
    private record EventItem(StreamEvent event, boolean live) implements Item {

        static EventItem live(StreamEvent event) {
            return new EventItem(event, true);
        }

        static EventItem caughtUp(StreamEvent event) {
            return new EventItem(event, false);
        }
    }

    private record ResetItem(StreamCursor cursor) implements Item {
    }

    private enum Tick implements Item {
        TICK
    }

    /**
     * The cursor of one subscriber. {@link #handle} runs serialized (after the merge), so the cursor
     * of every message is exactly what the client has been given or passed over up to it.
     */
    private static final class Session {

        private final StreamFilter filter;

        private final StreamMetrics metrics;

        private @Nullable StreamCursor cursor;

        private volatile @Nullable String lastDelivered;

        Session(StreamFilter filter, StreamMetrics metrics) {
            this.filter = filter;
            this.metrics = metrics;
        }

        List<StreamMessage> handle(Item item) {
            List<StreamMessage> out = new ArrayList<>(1);
            if (item instanceof Start start) {
                cursor = start.cursor();
                out.add(heartbeat());
            }
            else if (item instanceof EventItem eventItem) {
                StreamEvent event = eventItem.event();
                if (cursor == null || cursor.covers(event.position())) {
                    return out;
                }
                // A client that left inside the event resumes with the messages it was not given.
                int messages = event.messages();
                for (int index = cursor.given(event.position()); index < messages; index++) {
                    cursor = index == messages - 1 ? cursor.advance(event.position())
                            : cursor.advanceWithin(event.position(), index + 1);
                    if (passes(filter, event, index)) {
                        out.add(messageOf(event, index, cursor));
                        if (index == 0 && eventItem.live()) {
                            metrics.deliveredLive(event.article().receivedAt());
                        }
                    }
                }
            }
            else if (item instanceof ResetItem reset) {
                cursor = cursor == null ? reset.cursor() : cursor.max(reset.cursor());
                out.add(new StreamMessage(StreamMessage.RESET, cursor.encode(),
                        new StreamMessage.Reset("cursor-expired", REFETCH)));
            }
            else {
                out.add(heartbeat());
            }
            return out;
        }

        private StreamMessage heartbeat() {
            return new StreamMessage(StreamMessage.HEARTBEAT, cursor == null ? null : cursor.encode(), null);
        }

        void delivered(StreamMessage message) {
            if (message.cursor() != null) {
                lastDelivered = message.cursor();
            }
        }

        StreamMessage end(String reason) {
            String resume = lastDelivered;
            return new StreamMessage(StreamMessage.END, resume,
                    resume == null ? null : new StreamMessage.End(reason, resume));
        }
    }
}
