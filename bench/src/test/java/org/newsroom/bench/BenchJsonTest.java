package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchJsonTest {

    @Test
    void writesTheHeadlineKeysAsNumbersAndLeavesUnmeasuredOnesNull(@TempDir Path dir) throws Exception {
        // Given a run with every phase but the store's
        PipelineResult max = new PipelineResult("max", 80, 80, 0, 0, 80, 80, 80, 10, 10, 10, 10, 10,
                LatencySummary.NONE, LatencySummary.NONE, LatencySummary.NONE, LatencySummary.NONE,
                Map.of("enrich-service", 120.5, "bench", 3.0));
        PipelineResult sustained = BenchReportTest.phase(Map.of());
        BenchResults results = new BenchResults(null, null, max, sustained, 4.0, new EnrichAloneBench.Result(50, 100, 1, 5, 1000),
                null, new IdleSubscribersBench.Result(20_000, 19_600, 19_500, 50L << 20, 250L << 20, 512L << 20, 12, 20_000),
                new ResumeReplayBench.Result(10_000, 10, 10_000, 10_000, 0.8, null),
                List.of(new ArchiveBench.Point(10_000, 3, new ArchiveBench.Restart(60, 90, 100, 310L << 20),
                        new ArchiveBench.Restart(12, 15, 40, 300L << 20), new ArchiveBench.Restart(30, 45, 31, 120L << 20),
                        new ArchiveBench.Restart(8, 6, 9, 100L << 20))));

        // When written
        Path file = dir.resolve("bench-report.json");
        BenchJson.write(file, BenchJson.of(results, BenchOptions.parse(new String[0], Path.of("."))));
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(file));

        // Then the keys the issues name are there, as numbers, and a phase not run reads null
        assertThat(json.path("enrichAloneStoriesPerSecond").asDouble()).isEqualTo(10.0);
        assertThat(json.path("pipelineEnrichedStoriesPerSecond").asDouble()).isEqualTo(8.0);
        assertThat(json.path("enrichPipelineToAloneRatio").asDouble()).isEqualTo(0.8);
        assertThat(json.path("storeRawInsertsPerSecond").isNull()).isTrue();
        assertThat(json.path("publishStoredEventsPerSecond").asDouble()).isEqualTo(1000.0);
        assertThat(json.path("sustainedRate").asDouble()).isEqualTo(4.0);
        assertThat(json.path("sustainedPushToSseP99Ms").asDouble()).isEqualTo(400.0);
        assertThat(json.path("idleSubscribersOpen").asInt()).isEqualTo(19_500);
        assertThat(json.path("idleHeapKibPerSubscriber").asDouble()).isEqualTo(10.503);
        assertThat(json.path("replayEvents").asInt()).isEqualTo(10_000);
        assertThat(json.path("replaySeconds").asDouble()).isEqualTo(0.8);
        assertThat(json.path("cpuMsPerStory").path("enrich-service").asDouble()).isEqualTo(120.5);
        assertThat(json.path("cpuMsPerStory").path("ingest-service").isNull()).isTrue();
        assertThat(json.path("cpuMsPerStory").path("bench").asDouble()).isEqualTo(3.0);
        assertThat(json.path("archiveArticles").asInt()).isEqualTo(10_000);
        assertThat(json.path("enrichRestartReadySeconds").asDouble()).isEqualTo(12.0);
        assertThat(json.path("enrichHeapMib").asDouble()).isEqualTo(300.0);
        assertThat(json.path("ingestRestartReadySeconds").asDouble()).isEqualTo(8.0);
        assertThat(json.path("ingestHeapMib").asDouble()).isEqualTo(100.0);
        assertThat(json.path("ingestRestartReadyCpuSeconds").asDouble()).isEqualTo(6.0);
        assertThat(json.path("ingestCatchUpReadySeconds").asDouble()).isEqualTo(30.0);
        assertThat(json.path("enrichCatchUpReadyCpuSeconds").asDouble()).isEqualTo(90.0);
        assertThat(json.path("archiveCurve")).hasSize(1);
    }
}
