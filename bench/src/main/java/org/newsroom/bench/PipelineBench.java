package org.newsroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.Topics;

/**
 * Drives the pipeline: stories over HTTP into ingest, M live subscribers on publish's stream, and
 * a plain consumer of the enriched topic in between, all matched by story uri.
 */
final class PipelineBench implements AutoCloseable {

    /** Open-loop pushes in flight at most; beyond it a push is skipped and counted, never queued without bound. */
    private static final int MAX_IN_FLIGHT = 512;

    private final StoryPusher pusher;
    private final List<SseConnection> subscribers = new ArrayList<>();
    private final AtomicReference<@Nullable PipelineProbe> probe = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread recordWatcher;
    private final Supplier<ProcessCpu> cpu;
    private final List<Story> acceptedStories = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param cpu reads the CPU time of every process of the stack, before and after each phase
     */
    PipelineBench(HttpClient client, URI ingest, URI publish, Properties consumerProperties, int subscriberCount,
                  Supplier<ProcessCpu> cpu) {
        this.pusher = new StoryPusher(client, ingest, BenchStack.PARTNER);
        this.cpu = cpu;
        for (int i = 0; i < subscriberCount; i++) {
            SseConnection connection = SseConnection.open(client, publish.resolve("/v1/stream"), null, this::onEvent);
            subscribers.add(connection);
            if (!connection.awaitOpen(Duration.ofSeconds(30))) {
                close();
                throw new IllegalStateException("Subscriber " + i + " could not open " + publish + "/v1/stream: "
                        + connection.status());
            }
        }
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties);
        consumer.assign(Stream.of(Topics.ENRICHED.name(), Topics.PUBLISHED.name())
                .flatMap(topic -> IntStream.range(0, consumer.partitionsFor(topic).size())
                        .mapToObj(p -> new TopicPartition(topic, p)))
                .toList());
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position); // resolve the end now, before any story is pushed
        recordWatcher = new Thread(() -> watchRecords(consumer), "record-watcher");
        recordWatcher.setDaemon(true);
        recordWatcher.start();
    }

    /** Every story answered 202 so far, in the order they were answered: the archive they make. */
    List<Story> acceptedStories() {
        synchronized (acceptedStories) {
            return List.copyOf(acceptedStories);
        }
    }

    /** {@code rate} stories/s for {@code seconds}, open loop: a slow answer does not slow the next push. */
    PipelineResult sustained(StoryGenerator stories, double rate, int seconds, Duration drain) {
        PipelineProbe current = begin();
        ProcessCpu cpuBefore = cpu.get();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        AtomicLong skipped = new AtomicLong();
        Pacer pacer = new Pacer(rate);
        long total = Math.max(1, Math.round(rate * seconds));
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            pacer.awaitTurn(n);
            if (!inFlight.tryAcquire()) {
                skipped.incrementAndGet();
                continue;
            }
            Story story = stories.story(n);
            current.pushing(story.uri());
            pusher.push(story).whenComplete((status, failure) -> {
                inFlight.release();
                if (failure != null) {
                    current.failed();
                } else {
                    answered(current, story, status);
                }
            });
        }
        double pushSeconds = (System.nanoTime() - start) / 1e9;
        awaitAnswers(inFlight, Duration.ofSeconds(60));
        if (skipped.get() > 0) {
            BenchStack.say("sustained: " + skipped.get() + " pushes skipped because " + MAX_IN_FLIGHT + " were in flight");
        }
        return finish(current, String.format(Locale.ROOT, "sustained %.1f stories/s × %d s", rate, seconds), pushSeconds,
                drain, cpuBefore);
    }

    /** {@code concurrency} pushers, each pushing its next story when the previous one is answered. */
    PipelineResult maxRate(StoryGenerator stories, int concurrency, int seconds, int maxStories, Duration drain) {
        PipelineProbe current = begin();
        ProcessCpu cpuBefore = cpu.get();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pushers = Executors.newFixedThreadPool(concurrency);
        try {
            for (int i = 0; i < concurrency; i++) {
                pushers.submit(() -> {
                    long n;
                    while (System.nanoTime() < deadline && (n = next.getAndIncrement()) < maxStories) {
                        Story story = stories.story(n);
                        current.pushing(story.uri());
                        try {
                            answered(current, story, pusher.push(story).get(60, TimeUnit.SECONDS));
                        } catch (Exception e) {
                            current.failed();
                        }
                    }
                });
            }
            pushers.shutdown();
            pushers.awaitTermination(seconds + 90L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pushers.shutdownNow();
        }
        double pushSeconds = (System.nanoTime() - start) / 1e9;
        return finish(current, "max rate, " + concurrency + " closed-loop pushers", pushSeconds, drain, cpuBefore);
    }

    private void answered(PipelineProbe current, Story story, int status) {
        current.answered(story.uri(), status);
        if (status == 202) {
            acceptedStories.add(story);
        }
    }

    private PipelineProbe begin() {
        PipelineProbe current = new PipelineProbe(subscribers.size());
        probe.set(current);
        return current;
    }

    private PipelineResult finish(PipelineProbe current, String name, double pushSeconds, Duration drain,
                                  ProcessCpu cpuBefore) {
        long deadline = System.nanoTime() + drain.toNanos();
        while (!current.allDelivered() && System.nanoTime() < deadline && subscribers.stream().allMatch(SseConnection::isOpen)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        long done = current.deliveredCount();
        PipelineResult result = current.result(name, pushSeconds, cpu.get().millisPerStorySince(cpuBefore, done));
        if (result.delivered() < result.accepted()) {
            BenchStack.say(name + ": only " + result.delivered() + " of " + result.accepted()
                    + " accepted stories reached every subscriber within " + drain.toSeconds() + " s");
        }
        return result;
    }

    private static void awaitAnswers(Semaphore inFlight, Duration timeout) {
        try {
            if (inFlight.tryAcquire(MAX_IN_FLIGHT, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                inFlight.release(MAX_IN_FLIGHT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onEvent(SseEvent event) {
        PipelineProbe current = probe.get();
        String uri = uriOf(event.data());
        if (current != null && uri != null) {
            current.delivered(uri);
        }
    }

    /** The first {@code "uri"} of an article's JSON: the article's own (stream data starts with id, uri). */
    static @Nullable String uriOf(String json) {
        int key = json.indexOf("\"uri\":\"");
        if (key < 0) {
            return null;
        }
        int from = key + 7;
        int to = json.indexOf('"', from);
        return to < 0 ? null : json.substring(from, to);
    }

    /** The enriched and the published topic: when enrich wrote each story, and when publish stored it. */
    private void watchRecords(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    PipelineProbe current = probe.get();
                    if (current == null || record.key() == null) {
                        continue;
                    }
                    if (record.topic().equals(Topics.ENRICHED.name())) {
                        current.enriched(record.key(), record.timestamp());
                    } else {
                        current.stored(record.key(), record.timestamp());
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running.get()) {
                BenchStack.say("The record watcher stopped: " + e);
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        subscribers.forEach(SseConnection::close);
        if (recordWatcher != null) {
            try {
                recordWatcher.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
