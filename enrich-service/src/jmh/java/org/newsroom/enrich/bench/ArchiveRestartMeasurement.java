package org.newsroom.enrich.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Topics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import tools.jackson.databind.json.JsonMapper;

/**
 * How long enrich-service takes to be ready for work with an archive of N articles, and how much
 * heap it then keeps: N generated {@link NewswireArticles} go to a local broker, then each given
 * service jar starts twice on one archive folder (the first start builds the archive, the second
 * is the restart), in a JVM of its own with the launcher's flags.
 *
 * <p>"Ready" is the readiness probe for a service that waits for its archive. A service that does
 * not (the builds before the archive on disk) is ready at once on an archive still being filled,
 * so for it the time until the archive is complete is measured too: until its process has used
 * less than a tenth of a core for two seconds. The heap is what is used after a full collection
 * ({@code jcmd GC.run}), from the service's own {@code jvm.memory.used} metric.
 *
 * How to run it: see the module's README, "Service measurements".
 */
public final class ArchiveRestartMeasurement {

    private static final List<String> JVM_FLAGS = List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Dfile.encoding=UTF-8");
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(30);
    private static final Duration SAMPLE = Duration.ofMillis(500);
    private static final double QUIET_CORES = 0.1;
    private static final Pattern METRIC_VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");
    private static final String ENRICH_GROUP = "enrich-service";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ArchiveRestartMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        List<Path> jars = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            jars.add(Path.of(args[i]).toAbsolutePath());
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.ARTICLES.partitions());
        broker.afterPropertiesSet();
        try {
            broker.addTopics(Topics.ARTICLES.toNewTopic(), Topics.ENRICHED.toNewTopic());
            publish(broker.getBrokersAsString(), NewswireArticles.generate(count, NewswireArticles.SEED));
            enrichedAlready(broker);
            System.out.printf(Locale.ROOT, "%,d articles on %s%n", count, Topics.ARTICLES.name());
            for (Path jar : jars) {
                Path archive = Files.createTempDirectory("enrich-archive-");
                for (String start : List.of("first start", "restart")) {
                    System.out.printf(Locale.ROOT, "%s, %s: %s%n", jar.getFileName(), start,
                            measure(jar, broker.getBrokersAsString(), archive));
                }
            }
        }
        finally {
            broker.destroy();
        }
    }

    private static void publish(String bootstrapServers, List<ArticleEvent> articles) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        try (Producer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "acks", "all", "linger.ms", 20, "compression.type", "lz4"), new StringSerializer(),
                new StringSerializer())) {
            for (ArticleEvent article : articles) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.uri(), json.writeValueAsString(article)));
            }
            producer.flush();
        }
    }

    /**
     * The enrichment's consumer group at the end of the topic, as in a pipeline that has enriched
     * every article: what is measured is the archive, not the enrichment of the whole backlog.
     */
    private static void enrichedAlready(EmbeddedKafkaKraftBroker broker) {
        broker.doWithAdmin(admin -> {
            try {
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                for (int partition = 0; partition < Topics.ARTICLES.partitions(); partition++) {
                    ends.put(new TopicPartition(Topics.ARTICLES.name(), partition), OffsetSpec.latest());
                }
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
                admin.listOffsets(ends).all().get()
                        .forEach((partition, end) -> committed.put(partition, new OffsetAndMetadata(end.offset())));
                admin.alterConsumerGroupOffsets(ENRICH_GROUP, committed).all().get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            catch (ExecutionException e) {
                throw new IllegalStateException("cannot commit the enrichment group's offsets", e);
            }
        });
    }

    private static String measure(Path jar, String bootstrapServers, Path archive) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("enrich-restart-", ".log").toFile());
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("NEWSROOM_ENRICH_ARCHIVE_DIRECTORY", archive.toString());
        long begin = System.nanoTime();
        Process process = builder.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            long deadline = begin + STARTUP_LIMIT.toNanos();
            while (!ready(base.resolve("/actuator/health/readiness"))) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(jar + " did not become ready; see its log in " + builder.redirectOutput());
                }
                TimeUnit.MILLISECONDS.sleep(SAMPLE.toMillis());
            }
            double ready = seconds(System.nanoTime() - begin);
            double quiet = seconds(awaitQuiet(process.pid()) - begin);
            new ProcessBuilder("jcmd", Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            double heapMib = metric(base.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap")) / (1 << 20);
            return String.format(Locale.ROOT, "ready %.1f s, busy until %.1f s, heap after GC %.0f MiB", ready, quiet,
                    heapMib);
        }
        finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** When the process last used more than a tenth of a core, once it has used less for two seconds. */
    private static long awaitQuiet(long pid) throws Exception {
        long lastBusy = System.nanoTime();
        long previous = cpuTicks(pid);
        int quietSamples = 0;
        while (quietSamples < 4) {
            TimeUnit.MILLISECONDS.sleep(SAMPLE.toMillis());
            long ticks = cpuTicks(pid);
            double cores = (ticks - previous) / 100.0 / (SAMPLE.toMillis() / 1000.0);
            previous = ticks;
            if (cores < QUIET_CORES) {
                quietSamples++;
            }
            else {
                quietSamples = 0;
                lastBusy = System.nanoTime();
            }
        }
        return lastBusy;
    }

    /** User and system time of the process in clock ticks (100 per second on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Readiness answers 200 when UP, 503 otherwise. */
    private static boolean ready(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        catch (IOException e) {
            return "";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double metric(URI uri) {
        Matcher value = METRIC_VALUE.matcher(status(uri));
        if (!value.find()) {
            throw new IllegalStateException("no value at " + uri);
        }
        return Double.parseDouble(value.group(1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
