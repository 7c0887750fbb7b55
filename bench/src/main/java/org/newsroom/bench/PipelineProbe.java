package org.newsroom.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What happened to the stories of one pipeline phase: when each was pushed, accepted, enriched
 * and delivered to each subscriber. Fed concurrently by the pushers, the enriched-topic consumer
 * and the SSE connections; stories are matched by uri.
 */
final class PipelineProbe {

    private final int subscribers;
    private final long start = System.nanoTime();
    private final ConcurrentHashMap<String, Track> tracks = new ConcurrentHashMap<>();
    private final Histogram acceptLatency = new ConcurrentHistogram(LatencySummary.newHistogram());
    private final Histogram enrichLatency = new ConcurrentHistogram(LatencySummary.newHistogram());
    private final Histogram storeLatency = new ConcurrentHistogram(LatencySummary.newHistogram());
    private final Histogram deliveryLatency = new ConcurrentHistogram(LatencySummary.newHistogram());
    private final AtomicLong pushed = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong enriched = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong lastAccepted = new AtomicLong(start);
    private final AtomicLong lastEnriched = new AtomicLong(start);
    private final AtomicLong lastStored = new AtomicLong(start);
    private final AtomicLong lastDelivered = new AtomicLong(start);

    private static final class Track {
        final long sentAt;
        /** Wall clock, to compare with the timestamps the services put on their records. */
        final long sentAtMillis;
        final AtomicInteger deliveries = new AtomicInteger();
        final AtomicBoolean enriched = new AtomicBoolean();
        final AtomicBoolean stored = new AtomicBoolean();

        Track(long sentAt, long sentAtMillis) {
            this.sentAt = sentAt;
            this.sentAtMillis = sentAtMillis;
        }
    }

    PipelineProbe(int subscribers) {
        this.subscribers = subscribers;
    }

    void pushing(String uri) {
        pushed.incrementAndGet();
        tracks.put(uri, new Track(System.nanoTime(), System.currentTimeMillis()));
    }

    void answered(String uri, int status) {
        long now = System.nanoTime();
        Track track = tracks.get(uri);
        if (status == 202 && track != null) {
            accepted.incrementAndGet();
            lastAccepted.accumulateAndGet(now, Math::max);
            acceptLatency.recordValue(micros(now - track.sentAt));
        } else {
            refused.incrementAndGet();
        }
    }

    void failed() {
        failed.incrementAndGet();
    }

    /**
     * The story's enriched record, with the time enrich wrote it (the record's timestamp), so the
     * hop does not include the bench's own consumer.
     */
    void enriched(String uri, long writtenAtMillis) {
        Track track = tracks.get(uri);
        if (track != null && track.enriched.compareAndSet(false, true)) {
            reached(track, writtenAtMillis, enriched, lastEnriched, enrichLatency);
        }
    }

    /** The story's receipt, written by publish once it stored the story (the record's timestamp). */
    void stored(String uri, long writtenAtMillis) {
        Track track = tracks.get(uri);
        if (track != null && track.stored.compareAndSet(false, true)) {
            reached(track, writtenAtMillis, stored, lastStored, storeLatency);
        }
    }

    /** A hop the story reached for the first time, at the time the service's record says. */
    private void reached(Track track, long writtenAtMillis, AtomicLong count, AtomicLong last, Histogram latency) {
        count.incrementAndGet();
        last.accumulateAndGet(System.nanoTime(), Math::max);
        latency.recordValue(Math.max(1, (writtenAtMillis - track.sentAtMillis) * 1000));
    }

    void delivered(String uri) {
        long now = System.nanoTime();
        Track track = tracks.get(uri);
        if (track == null) {
            return;
        }
        deliveryLatency.recordValue(micros(now - track.sentAt));
        if (track.deliveries.incrementAndGet() == subscribers) {
            delivered.incrementAndGet();
            lastDelivered.accumulateAndGet(now, Math::max);
        }
    }

    long deliveredCount() {
        return delivered.get();
    }

    /** Every accepted story reached every subscriber (or nothing was accepted). */
    boolean allDelivered() {
        return delivered.get() >= accepted.get();
    }

    PipelineResult result(String name, double pushSeconds, Map<String, Double> cpuMillisPerStory) {
        return new PipelineResult(name, pushed.get(), accepted.get(), refused.get(), failed.get(), enriched.get(),
                stored.get(), delivered.get(), pushSeconds, seconds(lastAccepted.get()), seconds(lastEnriched.get()),
                seconds(lastStored.get()), seconds(lastDelivered.get()), LatencySummary.of(acceptLatency),
                LatencySummary.of(enrichLatency), LatencySummary.of(storeLatency), LatencySummary.of(deliveryLatency),
                cpuMillisPerStory);
    }

    private double seconds(long at) {
        return (at - start) / 1e9;
    }

    private static long micros(long nanos) {
        return Math.max(1, nanos / 1000);
    }
}
