package org.newsroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How many idle stream subscribers one publish JVM holds, and what each costs its heap: live
 * heap after a full GC with no bench subscribers, then with {@code count} idle ones open.
 *
 * <p>The subscribers are plain non-blocking sockets on one selector thread, each sending a
 * {@code GET /v1/stream} and reading the response headers, then whatever the stream sends
 * (heartbeats) so that no buffer fills: an HTTP client with its own state per connection would
 * run out of memory on the bench's side long before publish does. Each socket is a file on both
 * sides, so the count is capped below the open-files limit of the processes.
 */
final class IdleSubscribersBench {

    /** Files publish and the bench need besides the subscribers' sockets (jars, Kafka, logs, epoll). */
    static final int RESERVED_FILES = 400;
    /** Connections being opened at once: the server's accept backlog is small. */
    private static final int OPENING_AT_ONCE = 256;
    private static final Pattern MAX_OPEN_FILES = Pattern.compile("Max open files\\s+(\\d+|unlimited)\\s+(\\d+|unlimited)");

    /**
     * @param requested  connections asked for
     * @param attempted  connections tried (the request capped by the open-files limit)
     * @param opened     answered 200 and still open when the heap was read
     * @param heapBefore live heap before, bytes
     * @param heapAfter  live heap with them open, bytes
     * @param maxHeap    publish's -Xmx, bytes
     * @param openFilesLimit the open-files limit the processes run with
     */
    record Result(int requested, int attempted, int opened, long heapBefore, long heapAfter, long maxHeap,
                  double openSeconds, long openFilesLimit) {

        long perSubscriber() {
            return opened > 0 ? Math.max(0, heapAfter - heapBefore) / opened : -1;
        }

        double kibPerSubscriber() {
            return opened > 0 ? Math.max(0, heapAfter - heapBefore) / 1024.0 / opened : Double.NaN;
        }
    }

    private IdleSubscribersBench() {
    }

    static Result run(HttpClient client, URI publish, long publishPid, int count, long maxHeap) {
        long limit = openFilesLimit();
        int attempted = (int) Math.min(count, Math.max(0, limit - RESERVED_FILES));
        if (attempted < count) {
            BenchStack.say("Idle subscribers capped at " + attempted + " by the open-files limit of " + limit);
        }
        long before = HeapProbe.usedAfterGc(client, publish, publishPid);
        long start = System.nanoTime();
        try (Subscribers subscribers = new Subscribers(new InetSocketAddress(publish.getHost(), publish.getPort()))) {
            subscribers.open(attempted, TimeUnit.SECONDS.toNanos(120));
            double openSeconds = (System.nanoTime() - start) / 1e9;
            subscribers.idle(TimeUnit.SECONDS.toNanos(2)); // let the server settle every session
            long after = HeapProbe.usedAfterGc(client, publish, publishPid);
            subscribers.idle(TimeUnit.MILLISECONDS.toNanos(200));
            return new Result(count, attempted, subscribers.openCount(), before, after, maxHeap, openSeconds, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("Idle subscribers failed: " + e.getMessage(), e);
        }
    }

    /** The hard open-files limit of this JVM (the JVM raises its soft limit to it; children inherit it). */
    static long openFilesLimit() {
        try {
            Matcher matcher = MAX_OPEN_FILES.matcher(Files.readString(Path.of("/proc/self/limits")));
            if (matcher.find()) {
                return matcher.group(2).equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(matcher.group(2));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no cap known
        }
        return Long.MAX_VALUE;
    }

    /** The idle connections, all on one selector. */
    static final class Subscribers implements AutoCloseable {

        private final InetSocketAddress server;
        private final Selector selector;
        private final List<SocketChannel> channels = new ArrayList<>();
        private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
        private final byte[] request;
        private int pending;
        private int open;

        /** Per connection: the response head until it is complete, then {@code null}. */
        private static final class State {
            @Nullable StringBuilder head = new StringBuilder();
        }

        Subscribers(InetSocketAddress server) throws IOException {
            this.server = server;
            this.selector = Selector.open();
            this.request = ("GET /v1/stream HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        /** Opens {@code count} subscribers, at most {@value #OPENING_AT_ONCE} at a time, within the time given. */
        void open(int count, long timeoutNanos) throws IOException {
            long deadline = System.nanoTime() + timeoutNanos;
            int started = 0;
            while ((started < count || pending > 0) && System.nanoTime() < deadline) {
                while (started < count && pending < OPENING_AT_ONCE) {
                    connect();
                    started++;
                }
                select(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }

        /** Reads what the stream sends, for about this long. */
        void idle(long nanos) throws IOException {
            long until = System.nanoTime() + nanos;
            while (System.nanoTime() < until) {
                select(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }

        int openCount() {
            return open;
        }

        private void connect() throws IOException {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(server);
            channels.add(channel);
            channel.register(selector, SelectionKey.OP_CONNECT, new State());
            pending++;
        }

        private void select(long nanos) throws IOException {
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel channel = (SocketChannel) key.channel();
                State state = (State) key.attachment();
                try {
                    if (key.isConnectable()) {
                        channel.finishConnect();
                        channel.write(ByteBuffer.wrap(request)); // a few dozen bytes: the send buffer takes them
                        key.interestOps(SelectionKey.OP_READ);
                    } else if (key.isReadable()) {
                        read(key, channel, state);
                    }
                } catch (IOException e) {
                    ended(key, state);
                }
            }
            selector.selectedKeys().clear();
        }

        private void read(SelectionKey key, SocketChannel channel, State state) throws IOException {
            readBuffer.clear();
            int read = channel.read(readBuffer);
            if (read < 0) {
                ended(key, state);
                return;
            }
            StringBuilder head = state.head;
            if (head == null) {
                return; // a heartbeat or an event: idle subscribers ignore it
            }
            readBuffer.flip();
            head.append(StandardCharsets.ISO_8859_1.decode(readBuffer));
            if (head.indexOf("\r\n\r\n") >= 0) {
                boolean ok = head.toString().startsWith("HTTP/1.1 200");
                state.head = null;
                pending--;
                if (ok) {
                    open++;
                } else {
                    key.cancel();
                    channel.close();
                }
            }
        }

        private void ended(SelectionKey key, State state) throws IOException {
            if (state.head != null) {
                pending--;
            } else {
                open--;
            }
            state.head = null;
            key.cancel();
            key.channel().close();
        }

        @Override
        public void close() throws IOException {
            for (SocketChannel channel : channels) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            selector.close();
        }
    }
}
