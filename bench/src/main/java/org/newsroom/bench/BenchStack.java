package org.newsroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.newsroom.launcher.PartnerCredentials;
import org.newsroom.launcher.ServiceJars;
import org.newsroom.launcher.ServiceProcess;

/**
 * The whole newsroom for one bench run: a Kafka broker and the launcher's durable Mongo-compatible store in
 * a JVM of their own ({@link BrokerAndStoreHost}), the three services as child JVMs, all on the
 * bench's ports of 127.0.0.1 ({@link BenchPorts}) and in a fresh temporary folder, so a run never
 * meets data or ports of another.
 *
 * <p>The services' jars (and the bench's own, for the host) are copied into that folder first:
 * other builds may rewrite {@code <service>/target} while the bench runs. The logs are copied to
 * {@code bench/target/bench-logs} when the stack closes, then the folder is deleted.
 */
final class BenchStack implements AutoCloseable {

    /** The partner the bench pushes as; local use only, not a secret. */
    static final PartnerCredentials PARTNER = new PartnerCredentials("bench", "bench-api-key", "bench-secret");

    static final String BROKER_AND_STORE = "broker-and-store";
    private static final String DATABASE = "newsroom";
    /** The heaps the local launcher gives the services, so the figures describe that setup. */
    static final Map<String, String> HEAP_BY_SERVICE = Map.of(
            ServiceJars.INGEST, "-Xmx512m",
            ServiceJars.ENRICH, "-Xmx1g",
            ServiceJars.PUBLISH, "-Xmx512m");
    private static final List<String> SERVICE_JVM_ARGS = List.of("-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
    private static final String HOST_HEAP = "-Xmx2g";

    private final Path dir;
    private final Path logsCopy;
    private final Map<String, Path> jars = new LinkedHashMap<>();
    private @Nullable ServiceProcess host;
    private String bootstrapServers = "";
    private String mongoUri = "";
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private boolean closed;

    private BenchStack(Path dir, Path logsCopy) {
        this.dir = dir;
        this.logsCopy = logsCopy;
    }

    /** The folder for this run, with the log file of the bench's Kafka clients set before any logs a line. */
    static Path prepareFolder() throws IOException {
        Path dir = Files.createTempDirectory("newsroom-bench-");
        Files.createDirectories(dir.resolve("logs"));
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", dir.resolve("logs").resolve("bench-clients.log").toString());
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
        copyJars(ServiceJars.locateAll(home));
        Instant begin = Instant.now();
        startHost(startupTimeout);
        say("Kafka on " + bootstrapServers + ", Mongo-compatible store on " + mongoUri + " (" + host + ")");
        // State folders in the run's folder, as ./newsroom keeps them in its data folder: a restart
        // resumes from their checkpoints, and no run meets another's.
        Map<String, String> ingest = new LinkedHashMap<>(ingestEnvironment());
        ingest.put("NEWSROOM_INGEST_STATE_DIRECTORY", dir.resolve("state").resolve("ingest").toString());
        environments.put(ServiceJars.INGEST, ingest);
        environments.put(ServiceJars.ENRICH, Map.of("NEWSROOM_ENRICH_ARCHIVE_DIRECTORY",
                dir.resolve("state").resolve("enrich-archive").toString()));
        environments.put(ServiceJars.PUBLISH, Map.of(
                "MONGODB_URI", mongoUri,
                "NEWSROOM_PUBLISH_STREAM_MAXCONNECTIONS", String.valueOf(publishMaxConnections),
                "NEWSROOM_PUBLISH_STREAM_MAXCONNECTIONSPERCLIENT", String.valueOf(publishMaxConnections)));
        environments.keySet().forEach(name -> ports.put(name, BenchPorts.pick()));
        environments.keySet().forEach(this::launch);
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

    private void startHost(Duration timeout) {
        int kafkaPort = BenchPorts.pick();
        int controllerPort = BenchPorts.pick();
        int storePort = BenchPorts.pick();
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable().toString(), HOST_HEAP,
                "-XX:+ExitOnOutOfMemoryError", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        command.addAll(ownMainClass(BrokerAndStoreHost.class));
        command.addAll(List.of(dir.resolve("kafka").toString(), String.valueOf(kafkaPort),
                String.valueOf(controllerPort), String.valueOf(storePort)));
        host = ServiceProcess.start(BROKER_AND_STORE, command, kafkaPort, Map.of(),
                dir.resolve("logs").resolve(BROKER_AND_STORE + ".log"), false);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (host.logTail(200).stream().noneMatch(line -> line.startsWith(BrokerAndStoreHost.READY))) {
            if (!host.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The broker and store did not start: " + String.join("\n", host.logTail(40)));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        bootstrapServers = "127.0.0.1:" + kafkaPort;
        mongoUri = "mongodb://127.0.0.1:" + storePort + "/" + DATABASE;
    }

    /**
     * The command line that runs one of the bench's classes in a new JVM: through Spring Boot's
     * {@code PropertiesLauncher} from a copy of the bench's exec jar, or on the bench's class path
     * when it does not run from a jar (an IDE, {@code mvn exec}).
     */
    private List<String> ownMainClass(Class<?> main) {
        String classPath = System.getProperty("java.class.path");
        Path self = Path.of(classPath);
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar") && Files.isRegularFile(self)) {
            Path copy = dir.resolve("jars").resolve("bench.jar");
            try {
                Files.copy(self, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy the bench's jar " + self, e);
            }
            return List.of("-cp", copy.toString(), "-Dloader.main=" + main.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher");
        }
        return List.of("-cp", classPath, main.getName());
    }

    private void launch(String name) {
        Map<String, String> env = new LinkedHashMap<>(environments.get(name));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        Path log = dir.resolve("logs").resolve(name + ".log");
        if (Files.exists(log)) {
            log = dir.resolve("logs").resolve(name + "-" + System.currentTimeMillis() + ".log");
        }
        services.put(name, ServiceProcess.start(name, jar(name), Objects.requireNonNull(ports.get(name), name), env,
                jvmArgs(name), log, false));
    }

    /** The JVM options a service runs with; the enrichment ceiling runs with enrich's. */
    static List<String> jvmArgs(String service) {
        return Stream.concat(Stream.of(HEAP_BY_SERVICE.get(service)), SERVICE_JVM_ARGS.stream()).toList();
    }

    /** Stops one service (gracefully, as the launcher does); {@link #restart} starts it again. */
    void stop(String name) {
        ServiceProcess service = services.get(name);
        if (service != null) {
            service.close();
        }
    }

    /** Starts a stopped service anew, same port and settings, without waiting for it. */
    ServiceProcess restart(String name) {
        stop(name);
        launch(name);
        return running(name);
    }

    private ServiceProcess running(String name) {
        return Objects.requireNonNull(services.get(name), () -> name + " was not launched");
    }

    /**
     * Which processes' CPU time the bench reads: the services, the broker-and-store host and, as
     * {@value ProcessCpu#BENCH}, this JVM.
     */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, service) -> pids.put(name, service.pid()));
        if (host != null) {
            pids.put(BROKER_AND_STORE, host.pid());
        }
        pids.put(ProcessCpu.BENCH, ProcessHandle.current().pid());
        return pids;
    }

    /**
     * The bench partner as ingest's partner 0. Both spellings of the key variable: {@code APIKEY} is
     * what Spring's relaxed binding maps to {@code apiKey}; {@code API_KEY} is harmless if unused.
     */
    private static Map<String, String> ingestEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(PARTNER.ingestEnvironment(0));
        env.put("NEWSROOM_INGEST_PARTNERS_0_API_KEY", PARTNER.apiKey());
        // The bench measures the pipeline, not the partner's rate limit.
        env.put("NEWSROOM_INGEST_PARTNERS_0_STORIESPERMINUTE", "0");
        return env;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String mongoUri() {
        return mongoUri;
    }

    ServiceProcess ingest() {
        return running(ServiceJars.INGEST);
    }

    ServiceProcess enrich() {
        return running(ServiceJars.ENRICH);
    }

    ServiceProcess publish() {
        return running(ServiceJars.PUBLISH);
    }

    /** The copied jars, for the report's versions and the enrichment ceiling. */
    Path jar(String service) {
        return dir.resolve("jars").resolve(service + ".jar");
    }

    Path folder() {
        return dir;
    }

    /** Stops services first (in parallel), then the broker and the store; keeps the logs. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        services.values().parallelStream().forEach(ServiceProcess::close);
        if (host != null) {
            host.close();
        }
        copyLogs();
        deleteQuietly(dir);
    }

    private void copyJars(Map<String, Path> located) {
        try {
            Files.createDirectories(dir.resolve("jars"));
            for (Map.Entry<String, Path> jar : located.entrySet()) {
                Path copy = jar(jar.getKey());
                Files.copy(jar.getValue(), copy, StandardCopyOption.REPLACE_EXISTING);
                jars.put(jar.getKey(), copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the services' jars to " + dir, e);
        }
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
