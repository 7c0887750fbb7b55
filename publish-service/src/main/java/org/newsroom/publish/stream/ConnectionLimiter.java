package org.newsroom.publish.stream;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.newsroom.publish.PublishProperties;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Caps the streams open at once, per client (remote address) and on this instance. A client over
 * its own cap gets 429, because it is the one to slow down; over the global cap every client gets
 * 503, because this instance is full and another one (or later) may serve it.
 */
@Component
public class ConnectionLimiter {

    private final int maxConnections;

    private final int maxPerClient;

    private final Duration retryAfter;

    private final AtomicInteger open = new AtomicInteger();

    private final ConcurrentHashMap<String, Integer> openPerClient = new ConcurrentHashMap<>();

    public ConnectionLimiter(PublishProperties properties) {
        this.maxConnections = properties.stream().maxConnections();
        this.maxPerClient = properties.stream().maxConnectionsPerClient();
        this.retryAfter = properties.stream().retryAfter();
    }

    /** Takes a place for one stream of the client, or refuses; release the permit when the stream ends. */
    public Runnable acquire(String client) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            throw new ConnectionRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "Too many streams",
                    "This instance serves its maximum of " + maxConnections + " streams; try again later.",
                    retryAfter);
        }
        AtomicBoolean refused = new AtomicBoolean();
        openPerClient.compute(client, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerClient) {
                refused.set(true);
                return count;
            }
            return current + 1;
        });
        if (refused.get()) {
            open.decrementAndGet();
            throw new ConnectionRefusedException(HttpStatus.TOO_MANY_REQUESTS, "Too many streams from this client",
                    "At most " + maxPerClient + " streams per client are open at once.", retryAfter);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                openPerClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
                open.decrementAndGet();
            }
        };
    }

    public int openConnections() {
        return open.get();
    }
}
