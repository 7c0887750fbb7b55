package org.newsroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * One open {@code GET /v1/stream}. Lines are handled on the HTTP client's threads as they arrive,
 * so thousands of connections need no thread each.
 */
final class SseConnection implements AutoCloseable {

    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final AtomicReference<Flow.@Nullable Subscription> subscription = new AtomicReference<>();
    private volatile boolean closed;

    private SseConnection() {
    }

    /**
     * Opens the stream; {@link #status()} completes when the response headers arrive.
     *
     * @param lastEventId sent as {@code Last-Event-ID} to resume after that cursor
     */
    static SseConnection open(HttpClient client, URI stream, @Nullable String lastEventId, Consumer<SseEvent> onEvent) {
        SseConnection connection = new SseConnection();
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        SseParser parser = new SseParser(onEvent);
        client.sendAsync(request.build(), info -> {
            connection.status.complete(info.statusCode());
            return HttpResponse.BodySubscribers.fromLineSubscriber(connection.lines(parser), s -> null,
                    StandardCharsets.UTF_8, null);
        }).whenComplete((response, failure) -> {
            connection.status.completeExceptionally(failure != null ? failure : new IllegalStateException("no response"));
            connection.ended.complete(null);
        });
        return connection;
    }

    /** The HTTP status, once the headers arrived. */
    CompletableFuture<Integer> status() {
        return status;
    }

    /** Waits for the headers; {@code true} if the stream is open with 200. */
    boolean awaitOpen(Duration timeout) {
        try {
            return status.get(timeout.toMillis(), TimeUnit.MILLISECONDS) == 200 && !ended.isDone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    boolean isOpen() {
        return status.isDone() && !status.isCompletedExceptionally() && !ended.isDone();
    }

    /** Closes the connection by cancelling the body. */
    @Override
    public void close() {
        closed = true;
        Flow.Subscription current = subscription.getAndSet(null);
        if (current != null) {
            current.cancel();
        }
    }

    private Flow.Subscriber<String> lines(SseParser parser) {
        return new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                if (closed) {
                    s.cancel();
                    return;
                }
                subscription.set(s);
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                parser.line(line);
            }

            @Override
            public void onError(Throwable throwable) {
                ended.complete(null);
            }

            @Override
            public void onComplete() {
                ended.complete(null);
            }
        };
    }
}
