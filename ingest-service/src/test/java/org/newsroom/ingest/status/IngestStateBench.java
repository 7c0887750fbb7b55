package org.newsroom.ingest.status;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;

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
import org.newsroom.ingest.ledger.ArticleLedger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import tools.jackson.databind.json.JsonMapper;

/**
 * How ingest's state scales with history: fills the article, enriched and published topics of an
 * embedded broker with {@code N} stories (default 100,000, bodies of about 1.5 KB), then starts
 * ingest twice on them and reports, for each start, the time until the ledger and the status have
 * read everything, and how much the heap grew (after GC) compared to before the start. The broker
 * runs in this JVM too, so the heap is reported as the growth the ingest context caused.
 *
 * <p>Run: {@code ./mvnw -B -ntp -pl ingest-service -am test-compile} and then
 * {@code ingest-service/bench.sh [N]} (it builds the test classpath and runs this class with {@code -Xmx2g}).
 * A benchmark, not a test: the numbers depend on the machine.
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
                results.add(start(broker.getBrokersAsString(), state, stories, start));
            }
            System.out.println("{\"stories\":" + stories + "," + String.join(",", results) + "}");
        }
        finally {
            broker.destroy();
        }
    }

    private static String start(String bootstrap, Path state, int stories, String name) {
        long before = heapAfterGc();
        Instant begin = Instant.now();
        try (ConfigurableApplicationContext ingest = new SpringApplicationBuilder(IngestApplication.class).bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--newsroom.ingest.state.directory=" + state, "--logging.level.root=warn")) {
            ArticleLedger ledger = ingest.getBean(ArticleLedger.class);
            DownstreamStages stages = ingest.getBean(DownstreamStages.class);
            String last = uri(stories - 1);
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (!(ledger.isCaughtUp() && allRead(ledger, stages, stories)) && System.nanoTime() < deadline) {
                pause();
            }
            double ready = seconds(begin);
            long grown = heapAfterGc() - before;
            System.out.printf("%s start: ledger and status read %d stories in %.1f s; heap grew %d MiB (last %s)%n",
                    name, stories, ready, grown >> 20, ledger.find(last).isPresent());
            return String.format("\"%sReadySeconds\":%.1f,\"%sHeapGrowthMib\":%d", name, ready, name, grown >> 20);
        }
    }

    /** Every story in the ledger, and its enriched and published stages known. */
    private static boolean allRead(ArticleLedger ledger, DownstreamStages stages, int stories) {
        for (int i = stories - 1; i >= 0; i--) {
            String uri = uri(i);
            if (ledger.find(uri).isEmpty() || stages.enrichedOf(uri).isEmpty() || stages.publishedOf(uri).isEmpty()) {
                return false;
            }
        }
        return true;
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

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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
