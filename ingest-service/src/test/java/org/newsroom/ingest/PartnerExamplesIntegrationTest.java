package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The partner signing examples of docs/PARTNERS.md, run as a partner runs them (their own
 * interpreter, a real HTTP connection) against this ingest and its embedded broker: each must be
 * answered 202, and the page must show each file unchanged, so the documented code is the tested code.
 */
class PartnerExamplesIntegrationTest extends KafkaIntegrationTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "partners");

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "python3, push_story.py", "node, push-story.mjs", "java, PushStory.java" })
    void theExampleIsAnswered202AndShownUnchangedInPartnersMd(String interpreter, String file) throws Exception {
        Path example = EXAMPLES.resolve(file).toAbsolutePath();
        assertThat(Files.readString(EXAMPLES.resolveSibling("PARTNERS.md"))).as("PARTNERS.md shows " + file)
                .contains(Files.readString(example));
        String command = "java".equals(interpreter)
                ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : interpreter;
        assumeTrue(isInstalled(command), interpreter + " is not installed: the " + file + " example is not run");

        String uri = "urn:newsroom:partner-example:" + file + ":" + UUID.randomUUID();
        List<String> output = run(List.of(command, example.toString(), "http://127.0.0.1:" + port,
                TestPartners.AGENCY_KEY, TestPartners.AGENCY_SECRET, uri));

        assertThat(output).as(file).first().asString().startsWith("202 ").contains("\"status\":\"accepted\"")
                .contains(uri);
    }

    private static boolean isInstalled(String command) {
        try {
            return run(List.of(command, "--version")) != null;
        }
        catch (IOException | AssertionError e) {
            return false;
        }
    }

    private static List<String> run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 90 s");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted", e);
        }
        List<String> lines = new ArrayList<>(new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).lines().toList());
        assertThat(process.exitValue()).as("%s printed %s", command, lines).isZero();
        return lines;
    }
}
