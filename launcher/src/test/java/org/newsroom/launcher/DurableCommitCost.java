package org.newsroom.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

/**
 * What durability on acknowledge costs the local store: inserts per second into an H2 file with
 * mongo-java-server's plain backend (background commit about once a second) and with
 * {@link CommitOnWriteH2Backend} (a commit before every answer), one document per insert and in
 * batches of 100 as publish writes them, in the same JVM, rounds alternating so that the machine's
 * load falls on both alike. Besides the rate it prints the process's CPU time per insert (client
 * and server share this JVM), which a busy machine changes far less than the wall clock. Run: {@code java -cp <launcher test classpath>
 * org.newsroom.launcher.DurableCommitCost [documents per round] [rounds]}. A benchmark, not a test.
 */
public final class DurableCommitCost {

    private static final int BATCH = 100;

    private DurableCommitCost() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path folder = Files.createTempDirectory("durable-commit-cost");
        List<Function<String, MongoBackend>> backends = List.of(H2Backend::new, CommitOnWriteH2Backend::new);
        List<String> names = List.of("background commit", "commit on write");
        double[][] single = new double[2][rounds];
        double[][] batched = new double[2][rounds];
        double[][] singleCpu = new double[2][rounds];
        double[][] batchedCpu = new double[2][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int b = 0; b < 2; b++) {
                Path file = folder.resolve("round-" + round + "-" + b + ".mv");
                long cpu = cpuNanos();
                single[b][round] = insertsPerSecond(backends.get(b).apply(file.toString()), documents, 1);
                singleCpu[b][round] = (cpuNanos() - cpu) / 1e3 / documents;
                Path batchFile = folder.resolve("round-" + round + "-" + b + "-batched.mv");
                cpu = cpuNanos();
                batched[b][round] = insertsPerSecond(backends.get(b).apply(batchFile.toString()), documents, BATCH);
                batchedCpu[b][round] = (cpuNanos() - cpu) / 1e3 / documents;
            }
        }
        for (int b = 0; b < 2; b++) {
            System.out.printf(Locale.ROOT, "%-18s single inserts/s %s (CPU µs each %s), batches of %d %s (CPU µs each %s)%n",
                    names.get(b), rounded(single[b]), rounded(singleCpu[b]), BATCH, rounded(batched[b]), rounded(batchedCpu[b]));
        }
        System.out.printf(Locale.ROOT, "commit on write / background commit (medians): inserts/s single %.2f, batched %.2f;"
                + " CPU per insert single %.2f, batched %.2f%n",
                median(single[1]) / median(single[0]), median(batched[1]) / median(batched[0]),
                median(singleCpu[1]) / median(singleCpu[0]), median(batchedCpu[1]) / median(batchedCpu[0]));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double insertsPerSecond(MongoBackend backend, int documents, int batch) {
        MongoServer server = new MongoServer(backend);
        try {
            int port = server.bind().getPort();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                MongoCollection<Document> articles = client.getDatabase("newsroom").getCollection("articles");
                articles.insertOne(new Document("_id", "warm-up"));
                long start = System.nanoTime();
                List<Document> pending = new ArrayList<>(batch);
                for (int n = 0; n < documents; n++) {
                    pending.add(new Document("_id", "article-" + n).append("headline", "Story " + n)
                            .append("body", "A body of a few hundred characters. ".repeat(10)));
                    if (pending.size() == batch) {
                        if (batch == 1) {
                            articles.insertOne(pending.get(0));
                        }
                        else {
                            articles.insertMany(pending, new InsertManyOptions().ordered(false));
                        }
                        pending.clear();
                    }
                }
                return documents / ((System.nanoTime() - start) / 1e9);
            }
        }
        finally {
            server.shutdown();
        }
    }

    private static String rounded(double[] rates) {
        List<String> each = new ArrayList<>();
        for (double rate : rates) {
            each.add(String.format(Locale.ROOT, "%.0f", rate));
        }
        return String.join(" / ", each);
    }

    private static double median(double[] rates) {
        double[] sorted = rates.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
