package org.newsroom.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.newsroom.launcher.store.DurableStoreBackend;

/**
 * Raw insert rate of the launcher's durable store against the backend it replaced
 * ({@link CommitOnWriteH2Backend}), in one process, rounds interleaved so that a busy machine
 * slows both alike: documents shaped like publish's (an enriched article of about 2 KB of text with
 * entities), written with the real driver over TCP, one at a time, {@value #BATCH} at a time, and one
 * at a time from {@value #WRITERS} connections at once. Besides documents per second (which a busy
 * machine bends), the CPU the store's threads spent per document (Netty workers and the MVStore's
 * own threads; the client's are left out). Not a test; run it on the test class path:
 * {@code StoreInsertBench [documents per round] [rounds]}.
 */
public final class StoreInsertBench {

    private static final int BATCH = 100;
    private static final int WRITERS = 4;

    private StoreInsertBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("store-insert-bench");
        Map<String, Supplier<MongoBackend>> backends = new LinkedHashMap<>();
        backends.put("before (H2 backend, commit per command)",
                () -> new CommitOnWriteH2Backend(dir.resolve("before.mv").toString()));
        backends.put("after (DurableStoreBackend)", () -> DurableStoreBackend.open(dir.resolve("after.mv")));
        Map<String, double[]> best = new LinkedHashMap<>();
        Map<String, MongoServer> servers = new LinkedHashMap<>();
        backends.forEach((name, backend) -> {
            MongoServer server = new MongoServer(backend.get());
            server.bind("127.0.0.1", 0);
            servers.put(name, server);
            best.put(name, new double[] {0, 0, 0, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE});
        });
        try {
            for (int round = 0; round <= rounds; round++) {
                for (Map.Entry<String, MongoServer> entry : servers.entrySet()) {
                    double[] rates = round(entry.getValue(), "r" + round, count);
                    System.out.printf(Locale.ROOT, "round %d %-42s single %6.0f/s %5.0f µs  batched %6.0f/s %5.0f µs"
                            + "  %d writers %6.0f/s %5.0f µs%s%n", round, entry.getKey(), rates[0], rates[3], rates[1],
                            rates[4], WRITERS, rates[2], rates[5], round == 0 ? " (warm-up)" : "");
                    if (round > 0) {
                        double[] kept = best.get(entry.getKey());
                        for (int n = 0; n < kept.length; n++) {
                            kept[n] = n < 3 ? Math.max(kept[n], rates[n]) : Math.min(kept[n], rates[n]);
                        }
                    }
                }
            }
            double[] before = best.get(backends.keySet().iterator().next());
            double[] after = best.get(new ArrayList<>(backends.keySet()).get(1));
            System.out.printf(Locale.ROOT, "best of %d rounds, after / before: single %.1fx, batched %.1fx, %d writers %.1fx%n",
                    rounds, after[0] / before[0], after[1] / before[1], WRITERS, after[2] / before[2]);
            System.out.printf(Locale.ROOT, "store CPU per document, before / after: single %.1fx, batched %.1fx, %d writers %.1fx%n",
                    before[3] / after[3], before[4] / after[4], WRITERS, before[5] / after[5]);
        } finally {
            servers.values().forEach(MongoServer::shutdown);
        }
    }

    /**
     * Documents per second one at a time, in batches, and one at a time from several connections;
     * then the store threads' CPU µs per document of each.
     */
    private static double[] round(MongoServer server, String run, int count) throws Exception {
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase("newsroom").getCollection("raw_" + run);
            long cpu = storeCpuNanos();
            long start = System.nanoTime();
            for (int n = 0; n < count; n++) {
                collection.insertOne(article("s" + n));
            }
            double single = count / seconds(start);
            double singleCpu = (storeCpuNanos() - cpu) / 1e3 / count;
            cpu = storeCpuNanos();
            start = System.nanoTime();
            for (int from = 0; from < count; from += BATCH) {
                List<Document> batch = new ArrayList<>(BATCH);
                for (int n = from; n < Math.min(count, from + BATCH); n++) {
                    batch.add(article("b" + n));
                }
                collection.insertMany(batch);
            }
            double batched = count / seconds(start);
            double batchedCpu = (storeCpuNanos() - cpu) / 1e3 / count;
            cpu = storeCpuNanos();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                start = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> {
                        for (int n = writer; n < count; n += WRITERS) {
                            collection.insertOne(article("c" + n));
                        }
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
            } finally {
                writers.shutdown();
            }
            double concurrent = count / seconds(start);
            double concurrentCpu = (storeCpuNanos() - cpu) / 1e3 / count;
            if (collection.countDocuments() != 3L * count) {
                throw new IllegalStateException("Expected " + 3 * count + " documents in " + run);
            }
            return new double[] {single, batched, concurrent, singleCpu, batchedCpu, concurrentCpu};
        }
    }

    /** CPU time of the threads that serve the stores: the servers' Netty workers and the MVStores' own. */
    private static long storeCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && (thread.getThreadName().startsWith("mongo-server")
                    || thread.getThreadName().startsWith("H2") || thread.getThreadName().startsWith("MVStore"))) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** An enriched article as publish stores it, in size and shape. */
    private static Document article(String id) {
        String paragraph = "The council met on Monday to discuss the new budget for the harbour district, where "
                + "residents have asked for more frequent ferries and a safer crossing near the school. ";
        List<Document> entities = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            entities.add(new Document("name", "Person " + n).append("type", "PERSON").append("salience", 0.5)
                    .append("mentions", List.of(new Document("field", "BODY").append("start", 10 * n)
                            .append("end", 10 * n + 8).append("text", "Person " + n))));
        }
        return new Document("_id", id).append("uri", "urn:newsroom:bench:" + id).append("version", 1L)
                .append("headline", "Council debates the harbour budget, part " + id)
                .append("body", paragraph.repeat(12)).append("entities", entities)
                .append("keywords", List.of("council", "harbour", "budget", "ferries"));
    }
}
