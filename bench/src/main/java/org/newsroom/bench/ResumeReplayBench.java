package org.newsroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.Topics;

/**
 * The time publish needs to replay missed events to a client that resumes with its cursor.
 *
 * <p>A client takes its start cursor (the id of the stream's first heartbeat) and disconnects;
 * {@code count} enriched events are then written straight to the enriched topic (enrichment is
 * not what this measures, and CoreNLP would take far longer than the replay) and stored by
 * publish; a live subscriber confirms they are all stored. The client then reconnects with
 * {@code Last-Event-ID} and the clock runs until it has received all of them.
 */
final class ResumeReplayBench {

    /**
     * @param events        events written while the client was away
     * @param storeSeconds  first write to the last one seen live (publish's store rate)
     * @param stored        events seen live within the time limit
     * @param replayed      events the resumed client received
     * @param replaySeconds reconnect to the last replayed event
     * @param note          why the figure is missing, if it is
     */
    record Result(int events, double storeSeconds, long stored, long replayed, double replaySeconds, @Nullable String note) {

        /** How fast publish stored the events it was sent: its consumer, store writes and receipts. */
        double storedPerSecond() {
            return storeSeconds > 0 ? stored / storeSeconds : Double.NaN;
        }

        double replayedPerSecond() {
            return replaySeconds > 0 ? replayed / replaySeconds : Double.NaN;
        }
    }

    private ResumeReplayBench() {
    }

    static Result run(HttpClient client, URI publish, Properties producerProperties, StoryGenerator stories, int count,
                      Duration timeLimit) {
        URI stream = publish.resolve("/v1/stream");
        AtomicReference<@Nullable String> cursor = new AtomicReference<>();
        try (SseConnection first = SseConnection.open(client, stream, null, event -> cursor.compareAndSet(null, event.id()))) {
            if (!first.awaitOpen(Duration.ofSeconds(30)) || !await(() -> cursor.get() != null, Duration.ofSeconds(30))) {
                return new Result(count, 0, 0, 0, 0, "the stream's first event carried no cursor (id): resume not available");
            }
        }
        String resumeFrom = cursor.get();
        String prefix = stories.uriPrefix();
        AtomicLong live = new AtomicLong();
        AtomicLong lastLive = new AtomicLong();
        long start = System.nanoTime();
        try (SseConnection watcher = SseConnection.open(client, stream, null, event -> {
            String uri = PipelineBench.uriOf(event.data());
            if (uri != null && uri.startsWith(prefix)) {
                live.incrementAndGet();
                lastLive.set(System.nanoTime());
            }
        })) {
            watcher.awaitOpen(Duration.ofSeconds(30));
            writeEnriched(producerProperties, stories, count);
            await(() -> live.get() >= count, timeLimit);
        }
        double storeSeconds = (lastLive.get() - start) / 1e9;
        if (live.get() < count) {
            return new Result(count, storeSeconds, live.get(), 0, 0,
                    "only " + live.get() + " of " + count + " events were stored within " + timeLimit.toSeconds() + " s");
        }
        AtomicLong replayed = new AtomicLong();
        AtomicLong lastReplayed = new AtomicLong();
        AtomicReference<@Nullable String> problem = new AtomicReference<>();
        long reconnect = System.nanoTime();
        try (SseConnection resumed = SseConnection.open(client, stream, resumeFrom, event -> {
            if (event.event().equals("reset")) {
                problem.compareAndSet(null, "publish answered the resume with a reset");
            }
            String uri = PipelineBench.uriOf(event.data());
            if (uri != null && uri.startsWith(prefix)) {
                replayed.incrementAndGet();
                lastReplayed.set(System.nanoTime());
            }
        })) {
            CompletableFuture<Integer> status = resumed.status();
            if (!resumed.awaitOpen(Duration.ofSeconds(30))) {
                return new Result(count, storeSeconds, live.get(), 0, 0, "resume answered " + status.getNow(-1));
            }
            await(() -> replayed.get() >= count || problem.get() != null, timeLimit);
        }
        double replaySeconds = (lastReplayed.get() - reconnect) / 1e9;
        String note = problem.get() != null ? problem.get()
                : replayed.get() < count ? "only " + replayed.get() + " of " + count + " replayed within " + timeLimit.toSeconds() + " s"
                : null;
        return new Result(count, storeSeconds, live.get(), replayed.get(), Math.max(0, replaySeconds), note);
    }

    private static void writeEnriched(Properties producerProperties, StoryGenerator stories, int count) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties)) {
            for (int n = 0; n < count; n++) {
                Story story = stories.story(n);
                Instant now = Instant.now();
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), story.uri(),
                        ContractRecords.json(ContractRecords.enriched(ContractRecords.article(story, now), now))));
            }
            producer.flush();
        }
    }

    private static boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        return true;
    }
}
