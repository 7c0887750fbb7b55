package org.newsroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.PublishedArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.launcher.ServiceJars;
import org.newsroom.launcher.ServiceProcess;

/**
 * State that grows with history: with N archived stories on the topics, how long enrich and
 * ingest take to be ready again after a restart, and how much heap they keep.
 *
 * <p>The archive is written straight to the topics as the services would have written it: each
 * story's article event, its enriched event and its publish receipt. The services are stopped
 * meanwhile (publish for good: storing the archive is not what this measures), and enrich's
 * consumer group is moved past the preloaded articles, as if it had enriched them; its archive
 * index and ingest's ledger still have to take them in. Each service is then started alone twice,
 * on its state folder: the first start takes in the stories added while it was down (its
 * <em>catch-up</em>), the second is a <em>restart</em> after a checkpoint that covers them, which
 * should cost only what is new since. Each start is timed to readiness
 * ({@code /actuator/health/readiness} UP) and on to "settled" (its CPU quiet for a few seconds:
 * whatever it still rebuilds after saying it is ready), where its heap after a full GC is read;
 * the process's CPU seconds until ready are read too, a figure a busy machine changes far less
 * than the wall clock's.
 */
final class ArchiveBench {

    /** Enrich's consumer group on the article topic (its {@code application.yml}). */
    static final String ENRICH_GROUP = "enrich-service";
    private static final double QUIET_CORES = 0.10;
    private static final int QUIET_SECONDS = 3;

    /**
     * One point of the curve.
     *
     * @param articles        stories on the topics
     * @param preloadSeconds  time to write the ones added for this point
     * @param enrichCatchUp   enrich's first start after the stories were added
     * @param enrich          enrich's restart after that
     * @param ingestCatchUp   ingest's first start after the stories were added
     * @param ingest          ingest's restart after that
     */
    record Point(int articles, double preloadSeconds, Restart enrichCatchUp, Restart enrich, Restart ingestCatchUp,
                 Restart ingest) {
    }

    /**
     * @param readySeconds    start to readiness UP; NaN if never within the limit
     * @param readyCpuSeconds CPU seconds the process used from start to readiness UP
     * @param settledSeconds  start to CPU quiet after ready; NaN if it never settled within the limit
     * @param heapBytes       heap after a full GC once settled (or at the limit)
     */
    record Restart(double readySeconds, double readyCpuSeconds, double settledSeconds, long heapBytes) {

        double heapMib() {
            return heapBytes >= 0 ? heapBytes / (double) (1 << 20) : Double.NaN;
        }
    }

    private final BenchStack stack;
    private final HttpClient http;
    private final Properties producerProperties;
    private final StoryGenerator stories;
    private final Duration restartLimit;
    private int written;

    ArchiveBench(BenchStack stack, HttpClient http, Properties producerProperties, StoryGenerator stories,
                 Duration restartLimit) {
        this.stack = stack;
        this.http = http;
        this.producerProperties = producerProperties;
        this.stories = stories;
        this.restartLimit = restartLimit;
    }

    /** One point per archive size, smallest first, each adding to the archive of the one before. */
    List<Point> run(List<Integer> sizes) {
        stack.stop(ServiceJars.PUBLISH);
        List<Point> points = new ArrayList<>();
        for (int size : sizes.stream().sorted().distinct().toList()) {
            stack.stop(ServiceJars.ENRICH);
            stack.stop(ServiceJars.INGEST);
            BenchStack.say("Archive: writing stories " + written + " to " + size);
            long start = System.nanoTime();
            preload(size);
            double preloadSeconds = (System.nanoTime() - start) / 1e9;
            BenchStack.say(String.format(java.util.Locale.ROOT, "  written in %.1f s; restarting enrich", preloadSeconds));
            moveEnrichGroupToEnd();
            // Ingest first: it is quick, and its figures stand even if enrich's rebuild outlasts the limit.
            Restart ingestCatchUp = restart(ServiceJars.INGEST);
            BenchStack.say("  ingest catching up: " + ingestCatchUp + "; restarting ingest");
            Restart ingest = restart(ServiceJars.INGEST);
            BenchStack.say("  ingest restart: " + ingest + "; starting enrich");
            stack.stop(ServiceJars.INGEST);
            Restart enrichCatchUp = restart(ServiceJars.ENRICH);
            BenchStack.say("  enrich catching up: " + enrichCatchUp + "; restarting enrich");
            Restart enrich = restart(ServiceJars.ENRICH);
            BenchStack.say("  enrich restart: " + enrich);
            points.add(new Point(size, preloadSeconds, enrichCatchUp, enrich, ingestCatchUp, ingest));
        }
        return points;
    }

    private void preload(int size) {
        Properties props = new Properties();
        props.putAll(producerProperties);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            Instant base = Instant.now().minus(Duration.ofDays(365));
            for (; written < size; written++) {
                Story story = stories.story(written);
                Instant received = base.plusSeconds(written * 60L);
                ArticleEvent article = ContractRecords.article(story, received);
                EnrichedArticleEvent enriched = ContractRecords.enriched(article, received.plusSeconds(1));
                PublishedArticleEvent receipt = new PublishedArticleEvent(PublishedArticleEvent.SCHEMA_VERSION,
                        story.uri(), article.version(), article.action(), ArticleIds.fromUri(story.uri()), received,
                        received.plusSeconds(1), received.plusSeconds(2));
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), story.uri(), ContractRecords.json(article)));
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), story.uri(), ContractRecords.json(enriched)));
                producer.send(new ProducerRecord<>(Topics.PUBLISHED.name(), story.uri(), ContractRecords.json(receipt)));
            }
            producer.flush();
        }
    }

    /** As if enrich had enriched every preloaded article: it must not enrich the archive again. */
    private void moveEnrichGroupToEnd() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            String topic = Topics.ARTICLES.name();
            int partitions = Objects.requireNonNull(admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic), topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue().offset())));
            admin.alterConsumerGroupOffsets(ENRICH_GROUP, ends).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot move enrich's consumer group past the archive: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private Restart restart(String name) {
        long start = System.nanoTime();
        long deadline = start + restartLimit.toNanos();
        ServiceProcess service = stack.restart(name);
        double ready = Double.NaN;
        double readyCpu = Double.NaN;
        while (System.nanoTime() < deadline && service.isAlive()) {
            if (isReady(service.baseUri())) {
                ready = (System.nanoTime() - start) / 1e9;
                readyCpu = cpuSeconds(service.pid());
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        if (Double.isNaN(ready)) {
            // Not ready within the limit: the point says so (NaN), and the next start goes on from
            // whatever checkpoint it reached.
            BenchStack.say("  " + name + " was not ready within " + restartLimit.toSeconds() + " s: "
                    + String.join("\n", service.logTail(5)));
            return new Restart(Double.NaN, cpuSeconds(service.pid()), Double.NaN, -1);
        }
        double settled = awaitQuiet(service.pid(), deadline, start);
        return new Restart(ready, readyCpu, settled, HeapProbe.usedAfterGc(http, service.baseUri(), service.pid()));
    }

    private static double cpuSeconds(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
                .map(cpu -> cpu.toMillis() / 1000.0).orElse(Double.NaN);
    }

    private boolean isReady(URI service) {
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Seconds from start until the process used less than a tenth of a core for a few seconds in a row. */
    private static double awaitQuiet(long pid, long deadline, long start) {
        String service = "restarted";
        Map<String, Long> pids = Map.of(service, pid);
        ProcessCpu previous = ProcessCpu.read(pids);
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            ProcessCpu now = ProcessCpu.read(pids);
            Double millis = now.millisPerStorySince(previous, 1).get(service);
            previous = now;
            quiet = millis != null && millis < QUIET_CORES * 1000 ? quiet + 1 : 0;
            if (quiet == QUIET_SECONDS) {
                return (System.nanoTime() - start) / 1e9 - QUIET_SECONDS;
            }
        }
        return Double.NaN;
    }
}
