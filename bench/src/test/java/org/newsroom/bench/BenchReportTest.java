package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void percentilesComeFromTheHistogramInMicroseconds() {
        // Given 1..1000 ms recorded as microseconds
        Histogram histogram = LatencySummary.newHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            histogram.recordValue(ms * 1000L);
        }

        // When summarised
        LatencySummary summary = LatencySummary.of(histogram);

        // Then the percentiles are within the histogram's 3 significant digits
        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isBetween(499_000L, 501_000L);
        assertThat(summary.p99()).isBetween(989_000L, 991_000L);
        assertThat(summary.p999()).isBetween(998_000L, 1_001_000L);
        assertThat(Figures.millis(summary.p50(), summary.count())).isEqualTo("500 ms");
    }

    @Test
    void figuresReadTheSameEverywhere() {
        assertThat(Figures.millis(1234, 1)).isEqualTo("1.23 ms");
        assertThat(Figures.millis(12_345, 1)).isEqualTo("12.3 ms");
        assertThat(Figures.millis(5, 0)).isEqualTo("n/a");
        assertThat(Figures.perSecond(12.345)).isEqualTo("12.3/s");
        assertThat(Figures.perSecond(12_345.6)).isEqualTo("12,346/s");
        assertThat(Figures.perSecond(Double.NaN)).isEqualTo("n/a");
        assertThat(Figures.ratio(25, 1000)).isEqualTo("2.5 % (1/40)");
        assertThat(Figures.ratio(2000, 1000)).isEqualTo("2.0×");
        assertThat(Figures.ratio(5, 0)).isEqualTo("n/a");
        assertThat(Figures.times(30_000, 2_000)).isEqualTo("15.0×");
        assertThat(Figures.bytes(3 * 1024 + 512)).isEqualTo("3.5 KiB");
    }

    @Test
    void pipelineTableStatesEachFigureWithItsRatioToTheCeiling() {
        // Given a ceiling of 1000 records/s at p50 2 ms and a phase that delivered 40 stories in 4 s
        KafkaCeiling.Result max = new KafkaCeiling.Result("max rate", 1000, 1000, 1.0, new LatencySummary(1000, 2000, 8000, 9000, 9500));
        KafkaCeiling.Result atRate = new KafkaCeiling.Result("10 records/s", 100, 100, 10.0, new LatencySummary(100, 1000, 4000, 5000, 5000));
        PipelineResult phase = phase(Map.of("enrich-service", 25.0));
        BenchResults results = new BenchResults(max, atRate, null, phase, 10, null, null, null, null, List.of());
        BenchReport report = new BenchReport("t", List.of(), Map.of(), Map.of(), Map.of(), results, List.of());

        // When the table is rendered
        String table = report.pipelineTable(phase);

        // Then rates compare with the max-rate ceiling and latencies with the rate-matched one
        assertThat(table).contains("| delivered stories/s, to every subscriber (40) | 10.0/s | 1.0 % (1/100) |");
        assertThat(table).contains("| push→SSE delivery p50 | 100 ms | 100.0× |");
        assertThat(table).contains("| push→SSE delivery p99.9 | 500 ms | 100.0× |");
        assertThat(table).contains("| stories pushed / accepted (202) / refused / no answer | 40 / 40 / 0 / 0 |  |");
        assertThat(table).contains("| push→stored (receipt) p99 | 150 ms | 37.5× |");
        assertThat(table).contains("| CPU ms per story: enrich-service | 25.0 |  |");
    }

    /** 40 stories in 4 s: 202 at 5 ms, enriched at 50 ms, stored at 70 ms, delivered at 100 ms (p50). */
    static PipelineResult phase(Map<String, Double> cpu) {
        return new PipelineResult("sustained", 40, 40, 0, 0, 40, 40, 40, 4.0, 4.0, 4.0, 4.0, 4.0,
                new LatencySummary(40, 5000, 9000, 9000, 9000), new LatencySummary(40, 50_000, 90_000, 90_000, 90_000),
                new LatencySummary(40, 70_000, 150_000, 150_000, 150_000),
                new LatencySummary(160, 100_000, 400_000, 500_000, 500_000), cpu);
    }

    @Test
    void stagesAreSetAgainstTheirOwnCeilings() {
        // Given enrich at 8/s in the pipeline against 10/s alone, publish at 300/s against 1,200/s raw inserts
        PipelineResult max = new PipelineResult("max", 80, 80, 0, 0, 80, 80, 80, 10, 10, 10, 10, 10,
                LatencySummary.NONE, LatencySummary.NONE, LatencySummary.NONE, LatencySummary.NONE, Map.of());
        ResumeReplayBench.Result replay = new ResumeReplayBench.Result(3000, 10, 3000, 3000, 0.5, null);
        BenchResults results = new BenchResults(null, null, max, null, 4, new EnrichAloneBench.Result(50, 100, 1, 5, 1000),
                new StoreCeiling.Result(1000, 1200, 600), null, replay, List.of());

        // When the stage table is rendered
        String table = new BenchReport("t", List.of(), Map.of(), Map.of(), Map.of(), results, List.of()).stagesTable();

        // Then each stage's rate stands beside its ceiling with the plain ratio
        assertThat(table).contains("| 8.0/s | 10.0/s | 0.80 |");
        assertThat(table).contains("| 300/s | 1,200/s | 0.25 |");
        assertThat(table).contains("| 300/s | 600/s | 0.50 |");
    }

    @Test
    void markdownCellsEscapePipes() {
        String table = new MarkdownTable("a", "b").row("x|y", "z").render();

        assertThat(table).isEqualTo("| a | b |\n| --- | --- |\n| x\\|y | z |\n");
    }

    @Test
    void heapFiguresAreReadFromJcmdOutputOfAnyCollector() {
        String serial = " def new generation   total 9792K, used 5370K [0x00000000e0000000)\n"
                + "  eden space 8704K,  61% used\n tenured generation   total 21824K, used 14000K [0x0)\n";
        String g1 = " garbage-first heap   total 262144K, used 12345K [0x0000000700000000, 0x0000000800000000)\n"
                + "  region size 1024K, 3 young (3072K), 0 survivors (0K)\n Metaspace       used 60000K, committed 61000K\n";

        assertThat(HeapProbe.usedBytes(serial)).isEqualTo((5370L + 14000L) * 1024);
        assertThat(HeapProbe.usedBytes(g1)).isEqualTo(12345L * 1024);
    }

    @Test
    void sseParserJoinsDataLinesAndKeepsTheCursor() {
        List<SseEvent> events = new java.util.ArrayList<>();
        SseParser parser = new SseParser(events::add);

        for (String line : List.of("id:c0", ":heartbeat", "", "id:c1", "event:published",
                "data:{\"id\":\"a\",\"uri\":\"urn:x:1\"}", "data: more", "")) {
            parser.line(line);
        }

        assertThat(events).containsExactly(new SseEvent("c0", "", ""),
                new SseEvent("c1", "published", "{\"id\":\"a\",\"uri\":\"urn:x:1\"}\nmore"));
        assertThat(PipelineBench.uriOf(events.get(1).data())).isEqualTo("urn:x:1");
    }
}
