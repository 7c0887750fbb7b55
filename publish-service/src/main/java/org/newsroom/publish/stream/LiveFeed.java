package org.newsroom.publish.stream;

import java.util.function.Consumer;

import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live events of one subscriber, queued in a bounded buffer from the moment it subscribes:
 * while its catch-up is read from the log and while it reads slowly. When the buffer is full the
 * feed ends with an overflow error (after what it holds), so that the subscriber is closed with
 * its cursor instead of growing memory or silently missing events.
 */
final class LiveFeed {

    private final Sinks.Many<StreamEvent> sink;

    private final StreamCursor start;

    private final Consumer<LiveFeed> onEnd;

    private volatile boolean ended;

    LiveFeed(int bufferSize, StreamCursor start, Consumer<LiveFeed> onEnd) {
        this.sink = Sinks.many().unicast().onBackpressureBuffer(new BoundedQueue<>(bufferSize));
        this.start = start;
        this.onEnd = onEnd;
    }

    /** Where the live events of this feed begin: every later event is in it. */
    StreamCursor start() {
        return start;
    }

    /** Called by the hub, from one thread at a time. */
    void offer(StreamEvent event) {
        if (ended) {
            return;
        }
        if (sink.tryEmitNext(event) == Sinks.EmitResult.FAIL_OVERFLOW) {
            sink.tryEmitError(Exceptions.failWithOverflow("The subscriber is too far behind"));
            end();
        }
    }

    Flux<StreamEvent> events() {
        return sink.asFlux().doFinally(signal -> end());
    }

    /**
     * Ends the feed because this instance is stopping: after what it holds, the subscriber's stream
     * ends with its resume cursor, so that the client reconnects to another instance at once and
     * the web server's graceful shutdown is not held up by a stream that would never end.
     */
    void shutDown() {
        if (!ended) {
            sink.tryEmitError(new InstanceStoppingException());
            end();
        }
    }

    /** Why a feed ended when its instance stopped. */
    static final class InstanceStoppingException extends RuntimeException {

        InstanceStoppingException() {
            super("This instance is stopping", null, false, false);
        }
    }

    void end() {
        if (!ended) {
            ended = true;
            onEnd.accept(this);
        }
    }
}
