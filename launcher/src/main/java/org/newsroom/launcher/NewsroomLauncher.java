package org.newsroom.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;

import org.newsroom.launcher.LauncherSettings.Port;

/**
 * {@code ./newsroom}: runs Kafka and a Mongo-compatible store inside this JVM and the three services
 * as child JVMs, prints where everything is, and stops it all in reverse order on Ctrl-C.
 *
 * <p>Data lives in {@code <home>/.newsroom/} and survives restarts, so a newcomer's stories are
 * still there the next day; {@code --reset} starts from nothing.
 */
public final class NewsroomLauncher {

    private static final String DATABASE = "newsroom";
    /** Small heaps and C1 only: three JVMs start on a laptop in parallel, peak speed matters less. */
    private static final List<String> SERVICE_JVM_ARGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
    private static final Map<String, String> HEAP_BY_SERVICE = Map.of(
            ServiceJars.INGEST, "-Xmx512m",
            ServiceJars.ENRICH, "-Xmx1g", // CoreNLP's NER models live on the heap
            ServiceJars.PUBLISH, "-Xmx512m");
    private static final Map<String, Port> PORT_BY_SERVICE = Map.of(
            ServiceJars.INGEST, Port.INGEST,
            ServiceJars.ENRICH, Port.ENRICH,
            ServiceJars.PUBLISH, Port.PUBLISH);

    private final LauncherSettings settings;
    /** What has been started, newest first, so stopping runs in reverse start order. */
    private final Deque<Part> started = new ArrayDeque<>();
    private final CountDownLatch stoppedLatch = new CountDownLatch(1);
    private volatile boolean stopping;

    private record Part(String description, AutoCloseable resource) {
    }

    private final Console console;

    NewsroomLauncher(LauncherSettings settings, Console console) {
        this.settings = settings;
        this.console = console;
    }

    /** Starts everything and blocks until the JVM shuts down; returns an exit code on failure. */
    int run() {
        Instant begin = Instant.now();
        Map<String, Path> jars;
        try {
            Map<String, Path> built = ServiceJars.locateAll(settings.home());
            PortCheck.requireFree(settings.ports());
            prepareDataDir();
            // A running JVM must never see its jar rewritten: ./mvnw verify rebuilds target/ meanwhile.
            jars = ServiceJars.copyForRun(built, settings.dataDir().resolve("jars"));
        } catch (IllegalStateException | UncheckedIOException e) {
            console.fail(Objects.toString(e.getMessage(), e.toString()));
            return 1;
        }
        say("starting; the services' logs go to " + settings.home().relativize(settings.logsDir())
                + (settings.verbose() ? " and here" : " (--verbose follows them here)"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "newsroom-stop"));
        List<ServiceProcess> services;
        try {
            LocalMongoServer mongo = startMongo();
            LocalKafkaBroker kafka = startKafka();
            services = startServices(jars, kafka, mongo);
            awaitHealthy(services);
            printBanner(kafka, mongo, Duration.between(begin, Instant.now()));
            followStories(kafka);
        } catch (RuntimeException e) {
            if (stopping) {
                awaitStopped(); // Ctrl-C during start: the failure is only the stop in progress
                return 130;
            }
            console.fail("start failed: " + e.getMessage());
            return 1;
        }
        services.forEach(this::reportUnexpectedExit);
        awaitStopped();
        return 0;
    }

    private void prepareDataDir() {
        Path dataDir = settings.dataDir();
        try {
            if (settings.reset() && Files.exists(dataDir)) {
                say("--reset: deleting the data in " + dataDir);
                deleteDataIn(dataDir);
            }
            Files.createDirectories(settings.logsDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dataDir + ": " + e.getMessage(), e);
        }
        // Kafka and Mongo log through slf4j-simple; keep their chatter out of the console.
        // Must happen before the first logger exists, i.e. before Kafka or Mongo classes are touched.
        setDefault("org.slf4j.simpleLogger.logFile", settings.logsDir().resolve("kafka-and-mongo.log").toString());
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
    }

    private LocalMongoServer startMongo() {
        Instant begin = Instant.now();
        Path file = settings.dataDir().resolve("mongo.mv");
        LocalMongoServer mongo = LocalMongoServer.fileBacked(file, "127.0.0.1", settings.port(Port.MONGO));
        register(new Part("Mongo-compatible store", mongo));
        console.ready("Mongo-compatible store", mongo.connectionString(DATABASE), since(begin));
        return mongo;
    }

    private LocalKafkaBroker startKafka() {
        Instant begin = Instant.now();
        LocalKafkaBroker kafka = LocalKafkaBroker.start(settings.dataDir().resolve("kafka"),
                settings.port(Port.KAFKA), settings.port(Port.KAFKA_CONTROLLER));
        register(new Part("Kafka broker", kafka));
        console.ready("Kafka broker", kafka.bootstrapServers(), since(begin));
        return kafka;
    }

    private List<ServiceProcess> startServices(Map<String, Path> jars, LocalKafkaBroker kafka, LocalMongoServer mongo) {
        List<ServiceProcess> services = new ArrayList<>();
        register(new Part("services", () -> stopInParallel(services)));
        for (String name : ServiceJars.SERVICES) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            if (name.equals(ServiceJars.PUBLISH)) {
                env.put("MONGODB_URI", mongo.connectionString(DATABASE));
            }
            if (name.equals(ServiceJars.INGEST)) {
                env.putAll(PartnerCredentials.LOCAL.ingestEnvironment(0));
                // Ledger and status state with its Kafka offsets: a restart reads only what is new.
                env.put("NEWSROOM_INGEST_STATE_DIRECTORY", settings.dataDir().resolve("ingest").toString());
            }
            if (name.equals(ServiceJars.ENRICH)) {
                // The archive index survives restarts beside Kafka's data, and --reset deletes both.
                env.put("NEWSROOM_ENRICH_ARCHIVE_DIRECTORY",
                        settings.dataDir().resolve("enrich").resolve("archive").toAbsolutePath().toString());
            }
            List<String> jvmArgs = Stream.concat(Stream.of(HEAP_BY_SERVICE.get(name)), SERVICE_JVM_ARGS.stream()).toList();
            addService(services, ServiceProcess.start(name, Objects.requireNonNull(jars.get(name), name),
                    settings.port(Objects.requireNonNull(PORT_BY_SERVICE.get(name), name)), env,
                    jvmArgs, settings.logsDir().resolve(name + ".log"), settings.verbose()));
        }
        say("waiting for " + String.join(", ", ServiceJars.SERVICES) + " to report UP (a first start takes a minute)");
        return services;
    }

    /** Waits for all services at once and gives up at the first failure instead of the slowest success. */
    private void awaitHealthy(List<ServiceProcess> services) {
        ExecutorService waiters = Executors.newFixedThreadPool(services.size(), daemonThreads());
        try {
            CompletableFuture<Void> firstFailure = new CompletableFuture<>();
            List<CompletableFuture<Void>> healthy = services.stream()
                    .map(service -> CompletableFuture.runAsync(() -> awaitOne(service), waiters))
                    .peek(ready -> ready.exceptionally(failure -> {
                        firstFailure.completeExceptionally(failure);
                        return null;
                    }))
                    .toList();
            CompletableFuture.anyOf(CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)), firstFailure).join();
        } catch (RuntimeException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            waiters.shutdownNow();
        }
    }

    private void awaitOne(ServiceProcess service) {
        Instant begin = Instant.now();
        service.awaitHealthy(settings.startupTimeout());
        console.ready(service.name(), service.baseUri().toString(), since(begin));
    }

    /** The URLs box: short enough that everything up to here fits on one screen. */
    private void printBanner(LocalKafkaBroker kafka, LocalMongoServer mongo, Duration took) {
        String ingest = "http://127.0.0.1:" + settings.port(Port.INGEST);
        String publish = "http://127.0.0.1:" + settings.port(Port.PUBLISH);
        String pushOption = settings.port(Port.INGEST) == Port.INGEST.defaultPort() ? ""
                : "--ingest-port=" + settings.port(Port.INGEST) + " ";
        String line = "=".repeat(78);
        console.block(String.join("\n",
                line,
                String.format(Locale.ROOT, "  The newsroom is ready (took %.1f s). Ctrl-C stops everything.",
                        took.toMillis() / 1000.0),
                "  Live page     " + publish + "/",
                "  Live stream   curl -N " + publish + "/v1/stream",
                "  Push a story  ./newsroom push " + pushOption + "samples/partner-story-deepmind-a24.txt",
                "  or by hand    POST " + ingest + "/v1/stories  X-Api-Key: " + PartnerCredentials.LOCAL.apiKey(),
                "                X-Signature: sha256=<hex HMAC-SHA256 of the body, key "
                        + PartnerCredentials.LOCAL.secret() + ">",
                "  Articles      " + publish + "/v1/articles?entity=&lang=&type=&before=&limit=",
                "  Health        http://127.0.0.1:{" + settings.port(Port.INGEST) + "," + settings.port(Port.ENRICH)
                        + "," + settings.port(Port.PUBLISH) + "}/actuator/health",
                "  Kafka         " + kafka.bootstrapServers() + "   MongoDB " + mongo.connectionString(DATABASE),
                "  Logs          " + settings.logsDir(),
                line,
                "  Stories appear below as they are accepted, enriched and published."));
    }

    /** The live ticker; without it the newsroom still runs, so a failure to start it is only reported. */
    private void followStories(LocalKafkaBroker kafka) {
        try {
            StoryTicker ticker = StoryTicker.start(kafka.bootstrapServers(), console,
                    URI.create("http://127.0.0.1:" + settings.port(Port.PUBLISH)));
            register(new Part("story ticker", ticker));
        } catch (RuntimeException e) {
            say("cannot follow the stories (" + e.getMessage() + "); the newsroom runs without the ticker");
        }
    }

    private void reportUnexpectedExit(ServiceProcess service) {
        service.onExit().thenAccept(code -> {
            if (!stopping) {
                say(service.name() + " stopped unexpectedly (exit code " + code + "); see " + service.logFile()
                        + ". The rest keeps running; press Ctrl-C to stop.");
            }
        });
    }

    /** A part started while Ctrl-C is already being handled is stopped at once instead of leaking. */
    private synchronized void register(Part part) {
        if (stopping) {
            closeQuietly(part);
        } else {
            started.push(part);
        }
    }

    private synchronized void addService(List<ServiceProcess> services, ServiceProcess service) {
        if (stopping) {
            service.close();
        } else {
            services.add(service);
        }
    }

    /** Runs in the shutdown hook (Ctrl-C) and after a failed start: newest part first. */
    private synchronized void stop() {
        stopping = true;
        while (!started.isEmpty()) {
            Part part = started.pop();
            say("stopping " + part.description() + "…");
            closeQuietly(part);
        }
        say("stopped.");
        stoppedLatch.countDown();
    }

    private void closeQuietly(Part part) {
        try {
            part.resource().close();
        } catch (Exception e) {
            say("Could not stop " + part.description() + " cleanly: " + e);
        }
    }

    private void awaitStopped() {
        try {
            stoppedLatch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopInParallel(List<ServiceProcess> services) {
        services.parallelStream().forEach(ServiceProcess::close);
    }

    /** Everything but the jars, which this very JVM (./newsroom runs the launcher from its copy) may be using. */
    private static void deleteDataIn(Path dataDir) throws IOException {
        Path jars = dataDir.resolve("jars");
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.startsWith(jars) && !path.equals(dataDir)) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "await-healthy");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Duration since(Instant begin) {
        return Duration.between(begin, Instant.now());
    }

    private void say(String message) {
        console.say(message);
    }
}
