package org.newsroom.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;

/**
 * Publish's ceiling: how fast the same store takes the same documents with plain driver inserts,
 * nothing else around them. The documents are the replay's enriched events (the article and its
 * enrichment, keyed by the article id as publish keys its articles), in a collection of their own
 * that is dropped afterwards; one run inserts them in batches, one one by one.
 */
final class StoreCeiling {

    static final int BATCH = 100;
    private static final String COLLECTION = "bench_raw_inserts";

    /**
     * @param documents         documents of each run
     * @param batchedPerSecond  documents/s inserted {@value #BATCH} at a time ({@code insertMany})
     * @param singlePerSecond   documents/s inserted one at a time, each awaited ({@code insertOne})
     */
    record Result(int documents, double batchedPerSecond, double singlePerSecond) {
    }

    private StoreCeiling() {
    }

    static Result run(String mongoUri, StoryGenerator stories, int count, Duration timeLimit) {
        List<Document> documents = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int n = 0; n < count; n++) {
            EnrichedArticleEvent event = ContractRecords.enriched(ContractRecords.article(stories.story(n), now), now);
            documents.add(Document.parse(ContractRecords.jsonString(event))
                    .append("_id", ArticleIds.fromUri(event.article().uri())));
        }
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> collection = client.getDatabase(databaseOf(mongoUri)).getCollection(COLLECTION);
            collection.drop();
            long deadline = System.nanoTime() + timeLimit.toNanos();
            double batched = timed(() -> {
                for (int from = 0; from < count && System.nanoTime() < deadline; from += BATCH) {
                    collection.insertMany(copies(documents.subList(from, Math.min(count, from + BATCH)), "b"));
                }
            }, collection);
            collection.drop();
            double single = timed(() -> {
                for (int n = 0; n < count && System.nanoTime() < deadline; n++) {
                    collection.insertOne(copies(documents.subList(n, n + 1), "s").get(0));
                }
            }, collection);
            collection.drop();
            return new Result(count, batched, single);
        }
    }

    /** Inserted documents per second. */
    private static double timed(Runnable inserts, MongoCollection<Document> collection) {
        long start = System.nanoTime();
        inserts.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long inserted = collection.estimatedDocumentCount();
        return seconds > 0 ? inserted / seconds : Double.NaN;
    }

    /** Fresh documents (the driver would otherwise keep ids it added), ids apart per run. */
    private static List<Document> copies(List<Document> documents, String run) {
        return documents.stream().map(document -> {
            Document copy = new Document(document);
            copy.put("_id", run + document.getString("_id"));
            return copy;
        }).toList();
    }

    private static String databaseOf(String mongoUri) {
        return mongoUri.substring(mongoUri.lastIndexOf('/') + 1);
    }
}
