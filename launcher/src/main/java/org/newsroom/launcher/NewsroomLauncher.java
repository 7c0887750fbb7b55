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
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    NewsroomLauncher(LauncherSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("story")) {
            printStoryJson(args);
            return;
        }
        if (args.length > 0 && args[0].equals("push")) {
            System.exit(pushStory(args));
            return;
        }
        LauncherSettings settings;
        try {
            settings = LauncherSettings.parse(args, System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LauncherSettings.USAGE);
            System.exit(2);
            return;
        }
        if (settings.help()) {
            System.out.println(LauncherSettings.USAGE);
            return;
        }
        int exitCode = new NewsroomLauncher(settings).run();
        System.exit(exitCode);
    }

    /** {@code story FILE}: the JSON of a plain-text partner story, ready to pipe into curl. */
    private static void printStoryJson(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("Usage: newsroom story FILE   (prints the story JSON for POST /v1/stories)");
            System.exit(2);
        }
        System.out.println(PartnerStoryFile.toJson(Path.of(args[1]), Instant.now()));
    }

    /**
     * {@code push FILE [--ingest-port=N]}: the story JSON of {@code story FILE}, signed as the local
     * partner and posted to the running ingest-service; prints ingest's status and answer.
     */
    private static int pushStory(String[] args) throws IOException {
        String usage = "Usage: newsroom push FILE [--ingest-port=N]   (signs the story as partner '"
                + PartnerCredentials.LOCAL.id() + "' and posts it to ingest-service)";
        LauncherSettings settings;
        try {
            if (args.length < 2) {
                throw new IllegalArgumentException("push needs a FILE");
            }
            settings = LauncherSettings.parse(Arrays.copyOfRange(args, 2, args.length), System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            return 2;
        }
        URI ingest = URI.create("http://127.0.0.1:" + settings.port(Port.INGEST));
        String json = PartnerStoryFile.toJson(Path.of(args[1]), Instant.now());
        try {
            StoryPush.Answer answer = StoryPush.push(ingest, PartnerCredentials.LOCAL, json);
            System.out.println("HTTP " + answer.status());
            System.out.println(answer.body());
            return answer.accepted() ? 0 : 1;
        } catch (IOException e) {
            System.err.println("ingest-service is not reachable at " + ingest + " (" + e + "); is ./newsroom running?");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** Starts everything and blocks until the JVM shuts down; returns an exit code on failure. */
    int run() {
        Instant begin = Instant.now();
        Map<String, Path> jars;
        try {
            jars = ServiceJars.locateAll(settings.home());
            PortCheck.requireFree(settings.ports());
            prepareDataDir();
        } catch (IllegalStateException | UncheckedIOException e) {
            say(e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "newsroom-stop"));
        List<ServiceProcess> services;
        try {
            LocalMongoServer mongo = startMongo();
            LocalKafkaBroker kafka = startKafka();
            services = startServices(jars, kafka, mongo);
            awaitHealthy(services);
            printBanner(kafka, mongo, Duration.between(begin, Instant.now()));
        } catch (RuntimeException e) {
            if (stopping) {
                awaitStopped(); // Ctrl-C during start: the failure is only the stop in progress
                return 130;
            }
            say("Start failed: " + e.getMessage());
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
                say("--reset: deleting " + dataDir);
                deleteRecursively(dataDir);
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
        say("Mongo-compatible store ready on 127.0.0.1:" + mongo.port() + " in " + seconds(begin) + " (" + file + ")");
        return mongo;
    }

    private LocalKafkaBroker startKafka() {
        Instant begin = Instant.now();
        LocalKafkaBroker kafka = LocalKafkaBroker.start(settings.dataDir().resolve("kafka"),
                settings.port(Port.KAFKA), settings.port(Port.KAFKA_CONTROLLER));
        register(new Part("Kafka broker", kafka));
        say("Kafka broker ready on " + kafka.bootstrapServers() + " in " + seconds(begin));
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
            List<String> jvmArgs = Stream.concat(Stream.of(HEAP_BY_SERVICE.get(name)), SERVICE_JVM_ARGS.stream()).toList();
            addService(services, ServiceProcess.start(name, jars.get(name), settings.port(PORT_BY_SERVICE.get(name)), env,
                    jvmArgs, settings.logsDir().resolve(name + ".log"), !settings.quiet()));
        }
        say("Started " + String.join(", ", ServiceJars.SERVICES) + "; waiting for them to report UP"
                + (settings.quiet() ? " (output in " + settings.logsDir() + ")" : ""));
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
        say(service.name() + " is UP on " + service.baseUri() + " after " + seconds(begin));
    }

    private void printBanner(LocalKafkaBroker kafka, LocalMongoServer mongo, Duration took) {
        String ingest = "http://127.0.0.1:" + settings.port(Port.INGEST);
        String publish = "http://127.0.0.1:" + settings.port(Port.PUBLISH);
        String health = "http://127.0.0.1:{" + settings.port(Port.INGEST) + "," + settings.port(Port.ENRICH) + ","
                + settings.port(Port.PUBLISH) + "}/actuator/health";
        String line = "=".repeat(72);
        System.out.println(String.join("\n",
                "",
                line,
                String.format(Locale.ROOT, "  The newsroom is ready (took %.1f s)", took.toMillis() / 1000.0),
                "",
                "  Push a story            ./newsroom push FILE   (plain text, headline on the first line)",
                "    or by hand       POST " + ingest + "/v1/stories  signed as partner '" + PartnerCredentials.LOCAL.id() + "':",
                "                          X-Api-Key: " + PartnerCredentials.LOCAL.apiKey(),
                "                          X-Signature: sha256=<hex HMAC-SHA256 of the body, key \""
                        + PartnerCredentials.LOCAL.secret() + "\">",
                "  Live page               " + publish + "/   (open it in a browser)",
                "  Live stream        GET  " + publish + "/v1/stream   (SSE; NDJSON with Accept: application/x-ndjson)",
                "  Articles           GET  " + publish + "/v1/articles?entity=&lang=&type=&before=&limit=",
                "  One article        GET  " + publish + "/v1/articles/{id}",
                "  Health             GET  " + health,
                "  Kafka bootstrap         " + kafka.bootstrapServers(),
                "  MongoDB                 " + mongo.connectionString(DATABASE),
                "  Logs                    " + settings.logsDir(),
                "",
                "  Press Ctrl-C to stop everything.",
                line,
                ""));
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
            say("Stopping " + part.description() + "…");
            closeQuietly(part);
        }
        say("Stopped.");
        stoppedLatch.countDown();
    }

    private static void closeQuietly(Part part) {
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

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
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

    private static String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private static void say(String message) {
        System.out.println("[newsroom] " + message);
    }
}
