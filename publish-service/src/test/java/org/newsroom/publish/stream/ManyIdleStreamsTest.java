package org.newsroom.publish.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.junit.jupiter.api.Test;
import org.newsroom.publish.PublishServiceTestBase;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.MediaType;

/**
 * Thousands of idle subscribers on one instance stay within a heap bound per connection, measured
 * in this JVM (which also holds the clients, so the bound covers both ends of each connection).
 * The clients come from many loopback addresses, a few each, as many real clients would: the
 * per-client cap applies per address.
 */
class ManyIdleStreamsTest extends PublishServiceTestBase {

    private static final int CONNECTIONS = 2000;

    /** Streams per loopback address; at most the per-client cap of the shared test context (3). */
    private static final int PER_ADDRESS = 3;

    /**
     * The bound per connection, both ends included. What one idle stream holds on the server: its
     * slot in the fan-out with an empty queue that grows only with what it holds, the session and
     * its cursor, one scheduled timer (the lifetime; heartbeats come from one shared ticker), the
     * reactive pipeline of the response (no server observation) and the Netty channel with its
     * pipeline; the client holds a second channel and its pipeline. Measured: about 25 KB for both
     * ends together (28 KB with a timer per heartbeat, a preallocated queue and the request's
     * observation; JDK 17, default GC, 2,000 streams). 64 KiB leaves room for GC noise and
     * other JVMs while still failing if a connection kept a copy of an event batch or a growing buffer.
     */
    private static final long MAX_BYTES_PER_CONNECTION = 64 * 1024;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Test
    void twoThousandIdleStreamsStayWithinTheHeapBound() {
        // Given no other stream is open
        await().atMost(TIMEOUT).until(() -> limiter.openConnections() == 0);
        ConnectionProvider unpooled = ConnectionProvider.newConnection();
        HttpClient http = HttpClient.create(unpooled)
                .baseUrl("http://127.0.0.1:" + port)
                .headers(headers -> headers.set(HttpHeaderNames.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE));
        open(http, 1).forEach(Disposable::dispose); // warm up the code paths before measuring
        await().atMost(TIMEOUT).until(() -> limiter.openConnections() == 0);
        long before = usedHeapAfterGc();

        // When two thousand clients each open an idle stream
        List<Disposable> streams = open(http, CONNECTIONS);
        try {
            await().atMost(TIMEOUT).until(() -> limiter.openConnections() == CONNECTIONS);
            long perConnection = (usedHeapAfterGc() - before) / CONNECTIONS;

            // Then the heap grew by less than the bound per connection
            System.out.printf("Heap per idle stream (both ends): %d bytes%n", perConnection);
            assertThat(perConnection).isLessThan(MAX_BYTES_PER_CONNECTION);
        }
        finally {
            streams.forEach(Disposable::dispose);
            unpooled.dispose();
        }

        // And every slot is given back when they close
        await().atMost(TIMEOUT).until(() -> limiter.openConnections() == 0);
    }

    /** Opens the streams from 127.0.1.x, 127.0.2.x, ..., {@link #PER_ADDRESS} per address. */
    private static List<Disposable> open(HttpClient http, int count) {
        List<Disposable> streams = new ArrayList<>(count);
        for (int stream = 0; stream < count; stream++) {
            int address = stream / PER_ADDRESS;
            String local = "127.0." + (1 + address / 250) + "." + (1 + address % 250);
            streams.add(http.bindAddress(() -> new InetSocketAddress(local, 0))
                    .get().uri("/v1/stream")
                    .responseContent()
                    .subscribe(buffer -> { }, error -> { }));
        }
        return streams;
    }

    private long usedHeapAfterGc() {
        for (int round = 0; round < 3; round++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
