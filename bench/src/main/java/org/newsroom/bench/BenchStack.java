package org.newsroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.newsroom.launcher.FreePorts;
import org.newsroom.launcher.LocalKafkaBroker;
import org.newsroom.launcher.LocalMongoServer;
import org.newsroom.launcher.PartnerCredentials;
import org.newsroom.launcher.ServiceJars;
import org.newsroom.launcher.ServiceProcess;

/**
 * The whole newsroom for one bench run: a Kafka broker and an in-memory Mongo-compatible store in
 * this JVM, the three services as child JVMs, all on free ports of 127.0.0.1 and in a fresh
 * temporary folder, so a run never meets data or ports of another.
 *
 * <p>The services' jars are copied into that folder first: other builds may rewrite
 * {@code <service>/target} while the bench runs. The logs are copied to {@code bench/target/bench-logs}
 * when the stack closes, then the folder is deleted.
 */
final class BenchStack implements AutoCloseable {

    /** The partner the bench pushes as; local use only, not a secret. */
    static final PartnerCredentials PARTNER = new PartnerCredentials("bench", "bench-api-key", "bench-secret");

    private static final String DATABASE = "newsroom";
    /** The heaps the local launcher gives the services, so the figures describe that setup. */
    static final Map<String, String> HEAP_BY_SERVICE = Map.of(
            ServiceJars.INGEST, "-Xmx512m",
            ServiceJars.ENRICH, "-Xmx1g",
            ServiceJars.PUBLISH, "-Xmx512m");
    private static final List<String> SERVICE_JVM_ARGS = List.of("-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

    private final Path dir;
    private final Path logsCopy;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private LocalKafkaBroker kafka;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private boolean closed;

    private BenchStack(Path dir, Path logsCopy) {
        this.dir = dir;
        this.logsCopy = logsCopy;
    }

    /** The folder for this run, with the log file of Kafka and Mongo set before either logs a line. */
    static Path prepareFolder() throws IOException {
        Path dir = Files.createTempDirectory("newsroom-bench-");
        Files.createDirectories(dir.resolve("logs"));
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", dir.resolve("logs").resolve("kafka-and-mongo.log").toString());
        }
        return dir;
    }

    /**
     * Starts everything and waits for the services to report UP; on failure stops what started.
     *
     * @param publishMaxConnections the stream connection caps publish gets, above what the bench opens
     */
    static BenchStack start(Path dir, Path home, Path logsCopy, Duration startupTimeout, int publishMaxConnections) {
        BenchStack stack = new BenchStack(dir, logsCopy);
        try {
            stack.startAll(home, startupTimeout, publishMaxConnections);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Path home, Duration startupTimeout, int publishMaxConnections) {
        Map<String, Path> jars = copyJars(ServiceJars.locateAll(home));
        List<Integer> ports = Stream.generate(FreePorts::pick).limit(5).toList();
        Instant begin = Instant.now();
        LocalMongoServer mongo = LocalMongoServer.inMemory("127.0.0.1", 0);
        started.push(mongo);
        kafka = LocalKafkaBroker.start(dir.resolve("kafka"), ports.get(0), ports.get(1));
        started.push(kafka);
        say("Kafka on " + kafka.bootstrapServers() + ", Mongo-compatible store on 127.0.0.1:" + mongo.port());
        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        envs.put(ServiceJars.INGEST, ingestEnvironment());
        envs.put(ServiceJars.ENRICH, Map.of());
        envs.put(ServiceJars.PUBLISH, Map.of(
                "MONGODB_URI", mongo.connectionString(DATABASE),
                "NEWSROOM_PUBLISH_STREAM_MAXCONNECTIONS", String.valueOf(publishMaxConnections),
                "NEWSROOM_PUBLISH_STREAM_MAXCONNECTIONSPERCLIENT", String.valueOf(publishMaxConnections)));
        int next = 2;
        for (Map.Entry<String, Map<String, String>> service : envs.entrySet()) {
            String name = service.getKey();
            Map<String, String> env = new LinkedHashMap<>(service.getValue());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            List<String> jvmArgs = Stream.concat(Stream.of(HEAP_BY_SERVICE.get(name)), SERVICE_JVM_ARGS.stream()).toList();
            ServiceProcess process = ServiceProcess.start(name, jars.get(name), ports.get(next++), env, jvmArgs,
                    dir.resolve("logs").resolve(name + ".log"), false);
            services.put(name, process);
        }
        List<CompletableFuture<Void>> healthy = services.values().stream()
                .map(service -> CompletableFuture.runAsync(() -> service.awaitHealthy(startupTimeout)))
                .toList();
        try {
            CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        say("Services UP after " + Duration.between(begin, Instant.now()).toSeconds() + " s: " + services.values());
    }

    /**
     * The bench partner as ingest's partner 0. Both spellings of the key variable: {@code APIKEY} is
     * what Spring's relaxed binding maps to {@code apiKey}; {@code API_KEY} is harmless if unused.
     */
    private static Map<String, String> ingestEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(PARTNER.ingestEnvironment(0));
        env.put("NEWSROOM_INGEST_PARTNERS_0_API_KEY", PARTNER.apiKey());
        return env;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    ServiceProcess ingest() {
        return services.get(ServiceJars.INGEST);
    }

    ServiceProcess publish() {
        return services.get(ServiceJars.PUBLISH);
    }

    /** The copied jars, for the report's versions. */
    Path jar(String service) {
        return dir.resolve("jars").resolve(service + ".jar");
    }

    /** Stops services first (in parallel), then the broker, then the store; keeps the logs. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        services.values().parallelStream().forEach(ServiceProcess::close);
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                say("Could not stop cleanly: " + e);
            }
        }
        copyLogs();
        deleteQuietly(dir);
    }

    private Map<String, Path> copyJars(Map<String, Path> jars) {
        Map<String, Path> copies = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir.resolve("jars"));
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                Path copy = jar(jar.getKey());
                Files.copy(jar.getValue(), copy, StandardCopyOption.REPLACE_EXISTING);
                copies.put(jar.getKey(), copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the services' jars to " + dir, e);
        }
        return copies;
    }

    private void copyLogs() {
        try (Stream<Path> logs = Files.list(dir.resolve("logs"))) {
            Files.createDirectories(logsCopy);
            for (Path log : logs.toList()) {
                Files.copy(log, logsCopy.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            say("Could not keep the logs of " + dir + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            say("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
