package org.newsroom.publish.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Enrichment;
import org.newsroom.publish.EnrichedArticles;
import org.newsroom.publish.article.ArticleDocument;
import org.newsroom.publish.article.ArticleStore;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.cluster.ClusterStore;
import org.newsroom.publish.intake.ArticleIntake;
import org.newsroom.publish.intake.ArticleIntake.Incoming;
import org.newsroom.publish.stream.StreamCursor;
import org.newsroom.publish.stream.StreamEvent;
import org.newsroom.publish.stream.StreamEventLog;
import reactor.core.publisher.Mono;

/**
 * Stored events per second of publish's intake against the store's raw insert rate, in one run,
 * on the same store and the same documents: {@code events} new articles (6 partitions, batches of
 * 500 as one Kafka poll hands them over) through {@link ArticleIntake#acceptAll}, against plain
 * driver {@code insertMany}s of the same article and stream-event documents. Kafka is not part of
 * it: this is the ceiling the store leaves publish. Not a test; run it on the test classpath (see
 * the module README): {@code IntakeThroughputBench [events] [h2|memory|mongodb://host:port] [file]}:
 * an in-process H2 (MVStore file, as mongo-java-server ships it) or in-memory store, or any running
 * store, e.g. the launcher's own (durable) one.
 */
public final class IntakeThroughputBench {

    private static final int PARTITIONS = 6;

    private static final int BATCH = 500;

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private IntakeThroughputBench() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String store = args.length > 1 ? args[1] : "h2";
        MongoServer server = null;
        String uri = store;
        if (!store.startsWith("mongodb://")) {
            Path file = args.length > 2 ? Path.of(args[2])
                    : Files.createTempDirectory("intake-bench").resolve("mongo.mv");
            MongoBackend backend = store.equals("memory") ? new MemoryBackend() : new H2Backend(file.toString());
            server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        }
        try (MongoClient client = MongoClients.create(uri)) {
            List<Incoming> incoming = incoming(events, "warmup");
            intakeRate(client.getDatabase("bench-warmup-intake"), incoming.subList(0, Math.min(2_000, events)));
            rawRate(client.getDatabase("bench-warmup-raw"), incoming.subList(0, Math.min(2_000, events)));

            incoming = incoming(events, "run");
            double raw = rawRate(client.getDatabase("bench-raw"), incoming);
            double intake = intakeRate(client.getDatabase("bench-intake"), incoming);
            System.out.printf(Locale.ROOT, "store %s, %d events in batches of %d%n", server == null ? uri
                    : store + " in process", events, BATCH);
            System.out.printf(Locale.ROOT, "raw inserts (articles + stream events): %.0f events/s%n", raw);
            System.out.printf(Locale.ROOT, "publish intake (stored events):        %.0f events/s%n", intake);
            System.out.printf(Locale.ROOT, "intake / raw: %.2f%n", intake / raw);
        }
        finally {
            if (server != null) {
                server.shutdown();
            }
        }
    }

    /** The intake as the Kafka consumer drives it, a batch per poll, into an empty database. */
    private static double intakeRate(MongoDatabase database, List<Incoming> incoming) {
        Mono.from(database.drop()).block(TIMEOUT);
        ArticleStore articles = new ArticleStore(database);
        articles.afterPropertiesSet();
        StreamEventLog log = new StreamEventLog(database);
        log.afterPropertiesSet();
        ArticleIntake intake = new ArticleIntake(articles, new ClusterStore(database), log, () -> { }, Clock.systemUTC());
        long start = System.nanoTime();
        long stored = 0;
        for (int from = 0; from < incoming.size(); from += BATCH) {
            List<Incoming> batch = incoming.subList(from, Math.min(incoming.size(), from + BATCH));
            stored += intake.acceptAll(batch).block(TIMEOUT).stream().filter(view -> view.isPresent()).count();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (stored != incoming.size()) {
            throw new IllegalStateException("Stored " + stored + " of " + incoming.size());
        }
        readBack(log, incoming.size());
        return stored / seconds;
    }

    /** Reads the whole log back window by window, as a resuming client's catch-up does. */
    private static void readBack(StreamEventLog log, int expected) {
        long start = System.nanoTime();
        StreamCursor cursor = StreamCursor.ORIGIN;
        int read = 0;
        for (boolean complete = false; !complete;) {
            StreamEventLog.LogPage page = log.readAfter(cursor, BATCH).block(TIMEOUT);
            read += page.events().size();
            cursor = page.scannedThrough();
            complete = page.complete();
        }
        System.out.printf(Locale.ROOT, "read back %d of %d logged events in %.2f s%n", read, expected,
                (System.nanoTime() - start) / 1e9);
    }

    /** The same documents, plain inserts without version guard, reads or indexes beyond {@code _id}. */
    private static double rawRate(MongoDatabase database, List<Incoming> incoming) {
        Mono.from(database.drop()).block(TIMEOUT);
        MongoCollection<Document> articles = database.getCollection("articles");
        MongoCollection<Document> streamEvents = database.getCollection("stream_events");
        Instant now = Instant.now();
        List<ArticleDocument> documents = incoming.stream()
                .map(in -> ArticleDocument.of(in.event(), in.position(), now, in.traceId())).toList();
        long start = System.nanoTime();
        for (int from = 0; from < documents.size(); from += BATCH) {
            List<ArticleDocument> batch = documents.subList(from, Math.min(documents.size(), from + BATCH));
            List<Document> stored = batch.stream().map(ArticleDocument::storedDocument).toList();
            List<Document> logged = batch.stream().map(article -> StreamEventLog.toDocument(
                    new StreamEventLog.Recording(new StreamEvent(article.position(), article.toView()), article)))
                    .toList();
            Mono.from(articles.insertMany(stored, new InsertManyOptions().ordered(false))).block(TIMEOUT);
            Mono.from(streamEvents.insertMany(logged, new InsertManyOptions().ordered(false))).block(TIMEOUT);
        }
        return documents.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** New articles of about two kilobytes, spread over the partitions like keyed records. */
    private static List<Incoming> incoming(int count, String run) {
        String paragraph = "The council met on Monday to discuss the new budget for the harbour district, where "
                + "residents have asked for more frequent ferries and a safer crossing near the school. ";
        String body = paragraph.repeat(12);
        List<Incoming> incoming = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String uri = "urn:newsroom:bench:" + run + ":" + n;
            EnrichedArticleEvent template = EnrichedArticles.enriched(uri, 1, ArticleAction.PUBLISHED,
                    "Council debates the harbour budget, part " + n);
            ArticleEvent a = template.article();
            ArticleEvent article = new ArticleEvent(a.schemaVersion(), a.eventId() + "-" + n, a.action(), a.uri(),
                    a.version(), a.headline(), body, a.source(), a.partnerId(), a.language(), a.firstCreated(),
                    a.receivedAt(), a.relatedHints());
            Enrichment enrichment = template.enrichment();
            EnrichedArticleEvent event = new EnrichedArticleEvent(template.schemaVersion(), template.eventId() + "-" + n,
                    article, enrichment);
            incoming.add(new Incoming(event, new SourcePosition(n % PARTITIONS, n / PARTITIONS), null));
        }
        return incoming;
    }
}
