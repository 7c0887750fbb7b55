package org.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contract.Topics;
import org.newsroom.launcher.FreePorts;
import org.newsroom.launcher.PartnerCredentials;
import org.newsroom.launcher.ServiceJars;
import org.newsroom.launcher.ServiceProcess;

/**
 * The local default as a partner uses it, pulled out from under them: {@code ./newsroom}'s
 * launcher (its exec jar, with the JVM options the script gives it, hosting Kafka and the
 * file-backed store, the three services as its child processes) takes pushes, and at a random
 * moment the launcher and every child are killed with SIGKILL: no shutdown hook, no last commit.
 * Started again on the same data folder and ports, the newsroom must store, and stream exactly
 * once, every story that got a 202 before the kill.
 *
 * <p>The launcher runs in a home folder of its own whose service folders link to this checkout's
 * build output, so its data ({@code .newsroom/}) is the test's, never the developer's.
 */
class StackKilledIT {

    private static final Duration READY = Duration.ofMinutes(15);
    private static final Duration DELIVERY = Duration.ofMinutes(3);
    private static final String READY_LINE = "The newsroom is ready";
    private static final String ENRICH_GROUP = "enrich-service";
    private static final int MAX_PUSHES = 400;

    @TempDir
    Path home;

    private final Map<String, Integer> ports = Map.of(
            "kafka-port", FreePorts.pick(), "kafka-controller-port", FreePorts.pick(), "mongo-port", FreePorts.pick(),
            "ingest-port", FreePorts.pick(), "enrich-port", FreePorts.pick(), "publish-port", FreePorts.pick());
    private ServiceProcess launcher;

    @AfterEach
    void stopNewsroom() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void everyStoryAcceptedBeforeTheWholeStackIsKilledIsStoredAndStreamedOnceAfterARestart() throws Exception {
        Path checkout = Path.of(System.getProperty("newsroom.home", "..")).toAbsolutePath().normalize();
        linkBuildOutput(checkout);
        Instant begin = Instant.now();
        String run = "killed";

        // Given the newsroom taking a partner's pushes
        launcher = startNewsroom(checkout, "first");
        IngestClient ingest = new IngestClient(uri("ingest-port"), PartnerCredentials.LOCAL);
        PushLoad load = PushLoad.start(ingest, run, Duration.ofMillis(100), 4, MAX_PUSHES, Duration.ofMinutes(3));
        List<PushLoad.Push> pushes;
        try {
            // When, at a random moment of the pushes, the launcher and all its children are killed
            int acceptedBeforeKill = ThreadLocalRandom.current().nextInt(10, 60);
            await().atMost(DELIVERY).until(() -> load.count(PushLoad.Push::accepted) >= acceptedBeforeKill);
            Thread.sleep(ThreadLocalRandom.current().nextLong(500));
            killWholeStack(launcher);
        }
        finally {
            pushes = load.finish(Duration.ofSeconds(60));
        }
        List<String> accepted = pushes.stream().filter(PushLoad.Push::accepted).map(PushLoad.Push::uri).toList();
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(10);
        assertThat(pushes).as("pushes after the kill got no 202").anyMatch(push -> !push.accepted());

        // And it is started again on the same data
        launcher = startNewsroom(checkout, "again");

        // Then every accepted story is stored once and on the stream once, replayed from before the first push
        URI publish = uri("publish-port");
        try (StreamSubscriber subscriber = StreamSubscriber.since(publish, begin.minusSeconds(60))) {
            await().atMost(DELIVERY).until(() -> subscriber.receivedAll(accepted));
            PipelineKafka kafka = new PipelineKafka(bootstrapServers());
            kafka.awaitCaughtUp(ENRICH_GROUP, Topics.ARTICLES.name(), DELIVERY);
            kafka.awaitCaughtUp(PipelineScenarios.PUBLISH_GROUP, Topics.ENRICHED.name(), DELIVERY);
            assertThat(subscriber.deliveriesByUri(Stories.prefix(run)))
                    .containsKeys(accepted.toArray(String[]::new))
                    .allSatisfy((uri, count) -> assertThat(count).as(uri).isEqualTo(1L));
        }
        String mongo = "mongodb://127.0.0.1:" + ports.get("mongo-port") + "/newsroom";
        assertThat(accepted).allSatisfy(uri ->
                assertThat(PipelineScenarios.storedArticlesWithUri(mongo, uri)).as(uri).isEqualTo(1));
    }

    /** Starts the launcher's exec jar as {@code ./newsroom} does and waits for its ready line. */
    private ServiceProcess startNewsroom(Path checkout, String start) {
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable().toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dnewsroom.home=" + home,
                "-jar", launcherJar(checkout).toString()));
        ports.forEach((option, port) -> command.add("--" + option + "=" + port));
        // A loaded CI machine (two cores) may take longer than the interactive default of 240 s per service.
        command.add("--startup-timeout=" + READY.toSeconds());
        ServiceProcess started = ServiceProcess.start("newsroom", command, ports.get("ingest-port"), Map.of(),
                Path.of("target", "e2e-logs", "stack-killed", "newsroom-" + start + ".log"), false);
        long deadline = System.nanoTime() + READY.toNanos();
        while (started.logTail(400).stream().noneMatch(line -> line.contains(READY_LINE))) {
            if (!started.isAlive() || System.nanoTime() > deadline) {
                started.close();
                throw new AssertionError("./newsroom did not get ready:\n" + String.join("\n", started.logTail(60)));
            }
            pause();
        }
        return started;
    }

    /** SIGKILL to the launcher and every process it started, all at once: nothing gets to shut down. */
    private static void killWholeStack(ServiceProcess newsroom) {
        ProcessHandle root = ProcessHandle.of(newsroom.pid()).orElseThrow();
        List<ProcessHandle> all = Stream.concat(Stream.of(root), root.descendants()).toList();
        assertThat(all).as("the launcher and its three services").hasSizeGreaterThanOrEqualTo(4);
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(process -> process.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }

    /** {@code <home>/<module>/target} links to this checkout's, where the launcher looks for the jars. */
    private void linkBuildOutput(Path checkout) throws IOException {
        for (String module : Stream.concat(ServiceJars.SERVICES.stream(), Stream.of("launcher")).toList()) {
            Files.createDirectories(home.resolve(module));
            Files.createSymbolicLink(home.resolve(module).resolve("target"), checkout.resolve(module).resolve("target"));
        }
    }

    private static Path launcherJar(Path checkout) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(checkout.resolve("launcher").resolve("target"),
                "newsroom-launcher-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No launcher exec jar: build it first (./mvnw -DskipTests package)");
    }

    private URI uri(String port) {
        return URI.create("http://127.0.0.1:" + ports.get(port));
    }

    private String bootstrapServers() {
        return "127.0.0.1:" + ports.get("kafka-port");
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
