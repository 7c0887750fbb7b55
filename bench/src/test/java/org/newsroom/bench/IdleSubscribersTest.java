package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class IdleSubscribersTest {

    /** Answers the first {@code ok} connections 200 with an event stream, the others 503. */
    private static Thread server(ServerSocketChannel server, int connections, int ok, List<SocketChannel> accepted) {
        Thread thread = new Thread(() -> {
            try {
                for (int n = 0; n < connections; n++) {
                    SocketChannel channel = server.accept();
                    accepted.add(channel);
                    String answer = n < ok
                            ? "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n:heartbeat\n\n"
                            : "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n";
                    channel.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
                }
            } catch (IOException e) {
                // the test closed the server
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void countsTheStreamsAnswered200AndStillOpen() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            List<SocketChannel> accepted = new CopyOnWriteArrayList<>();
            Thread answering = server(server, 30, 25, accepted);

            try (IdleSubscribersBench.Subscribers subscribers = new IdleSubscribersBench.Subscribers(
                    (InetSocketAddress) server.getLocalAddress())) {
                subscribers.open(30, TimeUnit.SECONDS.toNanos(20));
                answering.join(TimeUnit.SECONDS.toMillis(20));

                assertThat(subscribers.openCount()).isEqualTo(25);

                accepted.get(0).close();
                subscribers.idle(TimeUnit.MILLISECONDS.toNanos(500));
                assertThat(subscribers.openCount()).isEqualTo(24);
            } finally {
                for (SocketChannel channel : accepted) {
                    channel.close();
                }
            }
        }
    }
}
