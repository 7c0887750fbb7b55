package org.newsroom.ingest.status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Enrichment;
import org.newsroom.contract.PublishedArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.IngestApplication;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import tools.jackson.databind.json.JsonMapper;

/**
 * How ingest's state scales with history: fills the article, enriched and published topics of an
 * embedded broker with {@code N} stories (default 100,000, bodies of about 1.5 KB), then starts
 * ingest twice on them, each time as its own JVM with {@code -Xmx512m} on the same state folder,
 * and reports the time from launching the JVM until readiness is UP (the ledger, and the status,
 * have read their topics) and the heap used after a forced GC.
 *
 * <p>Run: {@code ingest-service/bench.sh [N]} (it compiles and runs this class on the test
 * classpath). A benchmark, not a test: the numbers depend on the machine and its load.
 */
public final class IngestStateBench {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private IngestStateBench() {
    }

    public static void main(String[] args) throws Exception {
        int stories = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6, Topics.ARTICLES.name(),
                Topics.ENRICHED.name(), Topics.PUBLISHED.name(), Topics.EMBARGOED.name());
        broker.afterPropertiesSet();
        Path state = Files.createTempDirectory("ingest-state-bench");
        try {
            Instant filling = Instant.now();
            fill(broker.getBrokersAsString(), stories);
            System.out.printf("filled %d stories into 3 topics in %.1f s%n", stories, seconds(filling));
            List<String> results = new ArrayList<>();
            for (String start : List.of("first", "restart")) {
                results.add(start(broker.getBrokersAsString(), state, start));
            }
            System.out.println("{\"archiveArticles\":" + stories + "," + String.join(",", results) + "}");
        }
        finally {
            broker.destroy();
        }
    }

    /**
     * Starts ingest as its own JVM with {@code -Xmx512m} and the state folder, waits until its
     * readiness is UP, forces a GC and reads its heap from the metrics endpoint.
     */
    private static String start(String bootstrap, Path state, String name) throws Exception {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = state.resolveSibling(state.getFileName() + "-" + name + ".log");
        Instant begin = Instant.now();
        Process ingest = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                IngestApplication.class.getName(), "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrap, "--newsroom.ingest.state.directory=" + state,
                "--logging.level.root=warn", "--logging.level.org.newsroom=info")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + port);
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (!ready(http, base) && System.nanoTime() < deadline && ingest.isAlive()) {
                pause();
            }
            double ready = seconds(begin);
            new ProcessBuilder(Path.of(java).resolveSibling("jcmd").toString(), Long.toString(ingest.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            String heap = http.send(HttpRequest.newBuilder(base.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            long heapMib = (long) JSON.readTree(heap).path("measurements").path(0).path("value").asDouble() >> 20;
            double boot = bootSeconds(log);
            System.out.printf("%s start: ready in %.1f s (JVM start included, Spring Boot started in %.1f s); heap after"
                    + " GC %d MiB%n", name, ready, boot, heapMib);
            return String.format("\"%sReadySeconds\":%.1f,\"%sBootSeconds\":%.1f,\"%sHeapMib\":%d", name, ready,
                    name, boot, name, heapMib);
        }
        finally {
            ingest.destroy();
            ingest.waitFor();
        }
    }

    /** What Spring Boot logs as its own start time: the rest of the time to ready is reading the topics. */
    private static double bootSeconds(Path log) throws IOException {
        Matcher started = Pattern.compile("Started IngestApplication in ([0-9.]+) seconds").matcher(Files.readString(log));
        return started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
    }

    private static boolean ready(HttpClient http, URI base) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException e) {
            return false; // not listening yet
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void fill(String bootstrap, int stories) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        Random random = new Random(42);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            Future<RecordMetadata> lastWrite = null;
            for (int i = 0; i < stories; i++) {
                ArticleEvent article = article(i, random);
                Instant enrichedAt = article.receivedAt().plusSeconds(1);
                EnrichedArticleEvent enriched = new EnrichedArticleEvent(EnrichedArticleEvent.SCHEMA_VERSION,
                        "enriched-" + i, article,
                        new Enrichment("bench", "en", List.of(), List.of(), List.of("bench"), enrichedAt));
                PublishedArticleEvent published = new PublishedArticleEvent(PublishedArticleEvent.SCHEMA_VERSION,
                        article.uri(), 1, ArticleAction.PUBLISHED, ArticleIds.fromUri(article.uri()),
                        article.receivedAt(), enrichedAt, enrichedAt.plusSeconds(1));
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.uri(), JSON.writeValueAsBytes(article)));
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), article.uri(), JSON.writeValueAsBytes(enriched)));
                lastWrite = producer.send(new ProducerRecord<>(Topics.PUBLISHED.name(), article.uri(),
                        JSON.writeValueAsBytes(published)));
            }
            producer.flush();
            if (lastWrite != null) {
                lastWrite.get();
            }
        }
    }

    private static ArticleEvent article(int i, Random random) {
        StringBuilder body = new StringBuilder();
        while (body.length() < 1500) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(body.length() % 90 < 8 ? ".\n\n" : " ");
        }
        Instant received = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "event-" + i, ArticleAction.PUBLISHED, uri(i), 1,
                "Bench story number " + i, body.toString(), "Bench Agency", "bench", "en", received, received, List.of());
    }

    private static final String[] WORDS = ("the council voted on a budget for schools roads and hospitals after "
            + "a long debate in which the minister said that the agency would publish its report next week while "
            + "critics warned of delays across the region").split(" ");

    private static String uri(int i) {
        return "urn:newsroom:bench:" + i;
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
