package org.newsroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.launcher.LauncherSettings.Port;

import picocli.CommandLine;

/**
 * The command line as a person meets it: options, their defaults from system properties, and every
 * mistake answered in one line that says what to do, with a non-zero exit and no stack trace.
 */
class NewsroomCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private record Outcome(int exitCode, String out, String err) {
    }

    private Outcome run(Properties properties, String... args) {
        int code = NewsroomCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), properties);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static LauncherSettings parse(Properties properties, String... args) {
        CommandLine cli = NewsroomCli.commandLine(properties, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        cli.parseArgs(args);
        return cli.<NewsroomCli>getCommand().settings();
    }

    @Test
    void defaultsToTheServicesOwnDefaultPortsAndTheCurrentFolder() {
        LauncherSettings settings = parse(new Properties());

        assertThat(settings.ports()).containsOnly(
                Map.entry(Port.KAFKA, 9092), Map.entry(Port.KAFKA_CONTROLLER, 9093),
                Map.entry(Port.MONGO, 27017), Map.entry(Port.INGEST, 8081),
                Map.entry(Port.ENRICH, 8082), Map.entry(Port.PUBLISH, 8083));
        assertThat(settings.home()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(settings.dataDir()).isEqualTo(Path.of("").toAbsolutePath().resolve(".newsroom"));
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofMinutes(4));
        assertThat(settings.reset()).isFalse();
        assertThat(settings.verbose()).isFalse();
    }

    @Test
    void optionsOverrideSystemProperties() {
        Properties properties = new Properties();
        properties.setProperty("newsroom.home", "/srv/newsroom");
        properties.setProperty("newsroom.kafka-port", "19092");
        properties.setProperty("newsroom.mongo-port", "37017");

        LauncherSettings settings = parse(properties, "--reset", "--verbose", "--kafka-port=29092",
                "--startup-timeout=30");

        assertThat(settings.port(Port.KAFKA)).isEqualTo(29092);
        assertThat(settings.port(Port.MONGO)).isEqualTo(37017);
        assertThat(settings.logsDir()).isEqualTo(Path.of("/srv/newsroom/.newsroom/logs"));
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.reset()).isTrue();
        assertThat(settings.verbose()).isTrue();
    }

    @Test
    void anUnknownOptionIsOneLineNamingItAndTheHelp() {
        Outcome outcome = run(new Properties(), "--kafka=1");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertOneLine(outcome.err()).startsWith("newsroom: Unknown option: '--kafka=1'").endsWith("See ./newsroom --help");
    }

    @Test
    void aMistypedSubcommandIsOneLineWithTheSuggestion() {
        Outcome outcome = run(new Properties(), "psh", "samples/x.txt");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertOneLine(outcome.err()).contains("'psh'").contains("did you mean push?");
    }

    @Test
    void aPortThatIsNoPortIsOneLine() {
        Outcome outcome = run(new Properties(), "--mongo-port=70000");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertOneLine(outcome.err()).contains("--mongo-port").contains("'70000' is not a port: give a number from 1 to 65535");
    }

    @Test
    void pushWithoutAFileOrWithAMissingOneIsOneLine() {
        Outcome withoutFile = run(new Properties(), "push");
        assertThat(withoutFile.exitCode()).isEqualTo(2);
        assertOneLine(withoutFile.err()).contains("Missing required parameter: 'FILE'").endsWith("See ./newsroom push --help");

        err.getBuffer().setLength(0);
        Outcome missing = run(new Properties(), "push", dir.resolve("nope.txt").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertOneLine(missing.err()).isEqualTo("newsroom: no file " + dir.resolve("nope.txt")
                + ": give the path of a story, e.g. samples/partner-story-deepmind-a24.txt");
    }

    @Test
    void pushOfAFileOfNoKnownFormatIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("story.docx"), "Headline\nBody");

        Outcome outcome = run(new Properties(), "push", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertOneLine(outcome.err()).contains("cannot tell the format of").contains(".txt (plain text), .json");
    }

    @Test
    void pushWhenIngestIsNotRunningIsOneLineSayingToStartTheNewsroom() throws IOException {
        Path file = Files.writeString(dir.resolve("story.txt"), "Headline\nBody\nContinue reading at Wire.");
        int nobodyListens = FreePorts.pick();

        Outcome outcome = run(new Properties(), "push", "--ingest-port=" + nobodyListens, file.toString());

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertOneLine(outcome.err()).isEqualTo("newsroom: ingest-service is not running at http://127.0.0.1:"
                + nobodyListens + ": start the newsroom with ./newsroom first (or give its port with --ingest-port=N)");
    }

    @Test
    void aPortInUseIsOneLineNamingTheOptionThatMovesIt() throws IOException {
        Path home = dir.resolve("checkout");
        for (String service : ServiceJars.SERVICES) {
            Files.createDirectories(home.resolve(service).resolve("target"));
            Files.writeString(home.resolve(service).resolve("target").resolve(service + "-1.0-exec.jar"), "jar");
        }
        Properties properties = new Properties();
        properties.setProperty("newsroom.home", home.toString());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            ByteArrayOutputStream consoleErr = new ByteArrayOutputStream();
            LauncherSettings settings = parse(properties, "--kafka-port=" + taken.getLocalPort(),
                    "--kafka-controller-port=" + FreePorts.pick(), "--mongo-port=" + FreePorts.pick(),
                    "--ingest-port=" + FreePorts.pick(), "--enrich-port=" + FreePorts.pick(),
                    "--publish-port=" + FreePorts.pick());

            int code = new NewsroomLauncher(settings, new Console(new PrintStream(console, true),
                    new PrintStream(consoleErr, true))).run();

            assertThat(code).isEqualTo(1);
            assertOneLine(consoleErr.toString()).isEqualTo("newsroom: Cannot start: port " + taken.getLocalPort()
                    + " (Kafka) is already in use: stop what uses it (an earlier ./newsroom?) or choose another with"
                    + " --kafka-port=N.");
            assertThat(console.toString()).isEmpty();
            assertThat(home.resolve(".newsroom")).doesNotExist();
        }
    }

    @Test
    void helpListsTheSubcommandsAndExitsZero() {
        Outcome outcome = run(new Properties(), "--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("push", "story", "--verbose", "--ingest-port=N");
    }

    private static AbstractStringAssert<?> assertOneLine(String text) {
        assertThat(text.lines()).as("one line, in: %s", text).hasSize(1);
        assertThat(text).doesNotContain("Exception", "\tat ");
        return assertThat(text.strip());
    }
}
