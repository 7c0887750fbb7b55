package org.newsroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.newsroom.launcher.ServiceProcess;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enrich stage's ceiling: enrich-service's own {@code ArticleEnricher}
 * ({@code org.newsroom.enrich.ceiling.EnrichmentCeiling} in its exec jar) in a JVM of its own with
 * the service's JVM options, over the same stories the max-rate phase pushed, against an archive
 * of the same size (every story the service's archive held), after the same warm-up stories.
 */
final class EnrichAloneBench {

    static final String MAIN = "org.newsroom.enrich.ceiling.EnrichmentCeiling";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param articles     stories enriched and timed
     * @param archived     articles in the archive index
     * @param threads      enriching threads
     * @param seconds      wall time of the timed stories
     * @param cpuMillis    the JVM's CPU time over them
     */
    record Result(int articles, int archived, int threads, double seconds, double cpuMillis) {

        double storiesPerSecond() {
            return seconds > 0 ? articles / seconds : Double.NaN;
        }

        double cpuMillisPerStory() {
            return articles > 0 ? cpuMillis / articles : Double.NaN;
        }
    }

    private EnrichAloneBench() {
    }

    /**
     * @param archive  stories in the archive besides the measured ones (those pushed before them)
     * @param warmUp   enriched first, not timed
     * @param measured enriched and timed
     */
    static Result run(Path enrichJar, List<String> jvmArgs, Path dir, List<Story> archive, List<Story> warmUp,
                      List<Story> measured, int threads, Duration timeLimit) {
        Path folder = dir.resolve("enrich-alone");
        try {
            Files.createDirectories(folder);
            List<String> command = new ArrayList<>();
            command.add(ServiceProcess.javaExecutable().toString());
            command.addAll(jvmArgs);
            command.addAll(List.of("-cp", enrichJar.toString(), "-Dloader.main=" + MAIN,
                    "org.springframework.boot.loader.launch.PropertiesLauncher",
                    write(folder.resolve("archive.jsonl"), archive), write(folder.resolve("warm-up.jsonl"), warmUp),
                    write(folder.resolve("measured.jsonl"), measured), String.valueOf(threads)));
            Path log = dir.resolve("logs").resolve("enrich-alone.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!process.waitFor(timeLimit.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("enrichment alone did not finish within " + timeLimit.toSeconds() + " s");
                }
            } finally {
                process.destroyForcibly();
            }
            String result = resultLine(Files.readAllLines(log, StandardCharsets.UTF_8));
            if (result == null) {
                throw new IllegalStateException("enrichment alone printed no result (exit " + process.exitValue()
                        + "), see " + log.getFileName());
            }
            JsonNode json = JSON.readTree(result);
            return new Result(json.path("articles").asInt(), json.path("archived").asInt(), json.path("threads").asInt(),
                    json.path("seconds").asDouble(), json.path("cpuMillis").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException("enrichment alone could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static @Nullable String resultLine(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("RESULT ")).map(line -> line.substring(7))
                .reduce((first, last) -> last).orElse(null);
    }

    /** One article event per line, as ingest would have written each story. */
    private static String write(Path file, List<Story> stories) throws IOException {
        Instant now = Instant.now();
        List<String> lines = stories.stream()
                .map(story -> ContractRecords.jsonString(ContractRecords.article(story, now)))
                .toList();
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file.toString();
    }
}
