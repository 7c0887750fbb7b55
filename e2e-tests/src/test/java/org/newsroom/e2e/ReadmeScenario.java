package org.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's shell lines for subscribing and pushing, taken from its {@code ```bash} blocks and run
 * with bash from the repository's root as a newcomer runs them, only pointed at this test's ports:
 * if the README drifts from what the newsroom does, this fails. The ingest under test must know the
 * launcher's local partner, whose key and secret the README spells out.
 */
interface ReadmeScenario {

    Duration README_DELIVERY = Duration.ofSeconds(90);
    Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```");
    String SAMPLE_URI = "urn:newsroom:sample:partner-story-deepmind-a24";
    String SAMPLE_HEADLINE = "Google DeepMind and A24 Form Unprecedented AI-Film Partnership";

    NewsroomServices services();

    @Test
    default void theReadmesPushAndSubscribeLinesWorkAsWritten() throws Exception {
        assumeTrue(onPath("curl") && onPath("openssl"), "the README's lines need curl and openssl on the PATH");
        Path root = Path.of(System.getProperty("newsroom.home", "..")).toAbsolutePath().normalize();
        List<String> blocks = bashBlocks(Files.readString(root.resolve("README.md")));
        List<String> subscribe = blocks.stream().filter(block -> block.contains("/v1/stream")).toList();
        List<String> pushes = blocks.stream().filter(block -> block.contains("/v1/stories")
                || block.contains("./newsroom push")).toList();
        assertThat(subscribe).as("the README's subscribe block").hasSize(1);
        assertThat(pushes).as("the README's push blocks: ./newsroom push, then curl").hasSize(2);
        assertThat(pushes.get(0)).startsWith("./newsroom push ");

        try (Shell stream = Shell.start(root, onThisTestsPorts(subscribe.get(0)))) {
            // The stream's first message is a heartbeat: once it shows, the subscription is open.
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.output().isBlank());

            JsonNode pushed = ranToTheEnd(root, pushes.get(0));
            JsonNode curled = ranToTheEnd(root, pushes.get(1));

            assertThat(pushed.get("status").asString()).isEqualTo("accepted");
            assertThat(pushed.get("uri").asString()).isEqualTo(SAMPLE_URI);
            // The same request twice: curl's push is a duplicate of ./newsroom push's.
            assertThat(curled.get("status").asString()).isEqualTo("duplicate");
            assertThat(curled.get("messageId")).isEqualTo(pushed.get("messageId"));
            await().atMost(README_DELIVERY).until(() -> stream.output().contains("\"uri\":\"" + SAMPLE_URI + "\""));
            assertThat(stream.output()).contains("event:published").contains("\"headline\":\"" + SAMPLE_HEADLINE + "\"");
        }
    }

    private JsonNode ranToTheEnd(Path root, String block) throws Exception {
        try (Shell shell = Shell.start(root, onThisTestsPorts(block))) {
            int exitCode = shell.awaitExit(Duration.ofSeconds(60));
            String output = shell.output();
            assertThat(exitCode).as("exit code of\n%s\noutput:\n%s", block, output).isZero();
            List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
            assertThat(lines).as("the JSON answer printed by\n%s\noutput:\n%s", block, output).hasSize(1);
            return JsonMapper.builder().build().readTree(lines.get(0));
        }
    }

    /** The README's ports are the defaults; this test's services listen elsewhere. */
    private String onThisTestsPorts(String block) {
        return block.replace("127.0.0.1:8081", services().ingest().getAuthority())
                .replace("127.0.0.1:8083", services().publish().getAuthority())
                .replace("./newsroom push ", "./newsroom push --ingest-port=" + services().ingest().getPort() + " ");
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("bash", "-c", "command -v " + command).redirectErrorStream(true).start();
        which.getInputStream().transferTo(OutputStream.nullOutputStream());
        return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
    }

    private static List<String> bashBlocks(String readme) {
        List<String> blocks = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(readme);
        while (block.find()) {
            blocks.add(block.group(1).strip());
        }
        return blocks;
    }

    /** {@code bash -c} with its output collected; closing it stops it and whatever it started. */
    final class Shell implements AutoCloseable {

        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final Thread reader;

        private Shell(Process process) {
            this.process = process;
            this.reader = new Thread(this::collect, "readme-shell");
            this.reader.setDaemon(true);
            this.reader.start();
        }

        static Shell start(Path folder, String script) throws IOException {
            return new Shell(new ProcessBuilder("bash", "-c", script).directory(folder.toFile())
                    .redirectErrorStream(true).start());
        }

        String output() {
            return output.toString();
        }

        int awaitExit(Duration atMost) throws InterruptedException {
            assertThat(process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS))
                    .as("finished within %s; output so far:\n%s", atMost, output()).isTrue();
            reader.join(Duration.ofSeconds(5).toMillis());
            return process.exitValue();
        }

        private void collect() {
            char[] buffer = new char[8192];
            try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    output.append(buffer, 0, read);
                }
            }
            catch (IOException ended) {
                // the process was stopped
            }
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
