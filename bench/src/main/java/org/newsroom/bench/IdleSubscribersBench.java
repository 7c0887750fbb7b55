package org.newsroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How much heap an idle stream subscriber costs publish: live heap after a full GC with no bench
 * subscribers, then with {@code count} idle ones open.
 */
final class IdleSubscribersBench {

    private static final int BATCH = 100;

    /**
     * @param requested connections the bench tried to open
     * @param opened    answered 200 and still open when the heap was read
     * @param heapBefore live heap before, bytes
     * @param heapAfter  live heap with them open, bytes
     * @param maxHeap    publish's -Xmx, bytes
     */
    record Result(int requested, int opened, long heapBefore, long heapAfter, long maxHeap, double openSeconds) {

        long perSubscriber() {
            return opened > 0 ? Math.max(0, heapAfter - heapBefore) / opened : -1;
        }

        /** Subscribers that would fit in the rest of the heap at that cost (an extrapolation). */
        long fitInHeap() {
            long per = perSubscriber();
            return per > 0 ? (maxHeap - heapBefore) / per : -1;
        }
    }

    private IdleSubscribersBench() {
    }

    static Result run(HttpClient client, URI publish, long publishPid, int count, long maxHeap) {
        long before = HeapProbe.usedAfterGc(publishPid);
        List<SseConnection> connections = new ArrayList<>(count);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i += BATCH) {
                List<SseConnection> batch = new ArrayList<>();
                for (int j = i; j < Math.min(count, i + BATCH); j++) {
                    batch.add(SseConnection.open(client, publish.resolve("/v1/stream"), null, event -> { }));
                }
                connections.addAll(batch);
                batch.forEach(connection -> connection.awaitOpen(Duration.ofSeconds(30)));
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2)); // let the server settle every session
            long after = HeapProbe.usedAfterGc(publishPid);
            int open = (int) connections.stream().filter(SseConnection::isOpen).count();
            return new Result(count, open, before, after, maxHeap, openSeconds);
        } finally {
            connections.forEach(SseConnection::close);
        }
    }
}
