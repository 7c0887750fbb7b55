package org.newsroom.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The markdown report of one run. Pure: it only formats what the run measured, so its layout is
 * tested without running anything.
 *
 * @param title          first heading
 * @param notes          said before the figures (e.g. that the machine was shared)
 * @param machine        label → value
 * @param versions       label → value
 * @param parameters     option → value
 * @param results        what the run measured
 * @param problems       what went wrong or was skipped
 */
record BenchReport(String title, List<String> notes, Map<String, String> machine, Map<String, String> versions,
                   Map<String, String> parameters, BenchResults results, List<String> problems) {

    String render() {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        notes.forEach(note -> md.append("> ").append(note).append("\n"));
        md.append('\n');
        md.append("## Machine\n\n").append(keyValues(machine)).append('\n');
        md.append("## Versions\n\n").append(keyValues(versions)).append('\n');
        md.append("## Parameters\n\n").append(keyValues(parameters)).append('\n');
        md.append("## Each stage against its own ceiling\n\n").append(stagesTable()).append('\n');
        md.append("## Ceiling: raw Kafka produce→consume, same broker, same payloads\n\n");
        md.append("acks=all, idempotent producer, zstd, one consumer; latency from `send()` to `poll()` in the same JVM.\n\n");
        md.append(ceilingTable()).append('\n');
        md.append("## Pipeline: HTTP push → ingest → Kafka → enrich (CoreNLP) → Kafka → publish (Mongo) → SSE\n\n");
        md.append("Rates are counted from the phase start to the last event of their kind. Throughput ratios are to the ")
                .append("max-rate ceiling, latency ratios to the ceiling at the sustained rate. The enriched and stored ")
                .append("hops are the timestamps of the enriched record and of publish's receipt; CPU is each process's ")
                .append("CPU time over the phase per delivered story.\n\n");
        for (PipelineResult phase : results.phases()) {
            md.append("### ").append(phase.name()).append("\n\n").append(pipelineTable(phase)).append('\n');
        }
        md.append("## Idle SSE subscribers on one publish JVM\n\n");
        md.append(results.idle() == null ? "Not measured.\n" : idleTable(results.idle())).append('\n');
        md.append("## Replay of missed events on resume (`Last-Event-ID`)\n\n");
        md.append(results.replay() == null ? "Not measured.\n" : replayTable(results.replay())).append('\n');
        md.append("## Restart with an archive of N stories\n\n");
        md.append(results.archive().isEmpty() ? "Not measured (`--archive=N`).\n" : archiveTable(results.archive())).append('\n');
        if (!problems.isEmpty()) {
            md.append("## Problems and omissions\n\n");
            problems.forEach(problem -> md.append("- ").append(problem).append('\n'));
        }
        return md.toString();
    }

    /** Enrich against enrichment alone, publish against the store's raw inserts. */
    String stagesTable() {
        MarkdownTable table = new MarkdownTable("stage", "in the pipeline", "alone (ceiling)", "ratio");
        EnrichAloneBench.Result alone = results.enrichAlone();
        double enriched = results.pipelineEnrichedPerSecond();
        table.row("enrich: stories/s (max-rate phase) vs. `ArticleEnricher` alone"
                        + (alone == null ? "" : " (" + alone.threads() + " thread, archive of " + Figures.count(alone.archived()) + ")"),
                Figures.perSecond(enriched), alone == null ? Figures.NOT_MEASURED : Figures.perSecond(alone.storiesPerSecond()),
                alone == null ? Figures.NOT_MEASURED : plainRatio(enriched, alone.storiesPerSecond()));
        StoreCeiling.Result store = results.store();
        double stored = results.publishStoredPerSecond();
        table.row("publish: stored events/s (replay phase) vs. raw inserts, batches of " + StoreCeiling.BATCH,
                Figures.perSecond(stored), store == null ? Figures.NOT_MEASURED : Figures.perSecond(store.batchedPerSecond()),
                store == null ? Figures.NOT_MEASURED : plainRatio(stored, store.batchedPerSecond()));
        table.row("publish: the same vs. raw inserts one at a time", Figures.perSecond(stored),
                store == null ? Figures.NOT_MEASURED : Figures.perSecond(store.singlePerSecond()),
                store == null ? Figures.NOT_MEASURED : plainRatio(stored, store.singlePerSecond()));
        if (alone != null) {
            table.row("enrich: CPU ms per story, service (all its threads) vs. alone (its JVM)",
                    Figures.decimal(results.cpuMsPerStory().getOrDefault(org.newsroom.launcher.ServiceJars.ENRICH, Double.NaN)),
                    Figures.decimal(alone.cpuMillisPerStory()), "");
        }
        return table.render();
    }

    private static String plainRatio(double measured, double ceiling) {
        return ceiling > 0 && !Double.isNaN(measured) ? String.format(Locale.ROOT, "%.2f", measured / ceiling) : Figures.NOT_MEASURED;
    }

    String ceilingTable() {
        MarkdownTable table = new MarkdownTable("run", "records", "received", "records/s", "p50", "p99", "p99.9", "max");
        for (KafkaCeiling.Result result : new KafkaCeiling.Result[] {results.ceilingMax(), results.ceilingAtRate()}) {
            if (result != null) {
                LatencySummary l = result.latency();
                table.row(result.name(), Figures.count(result.records()), Figures.count(result.received()),
                        Figures.perSecond(result.recordsPerSecond()), Figures.millis(l.p50(), l.count()),
                        Figures.millis(l.p99(), l.count()), Figures.millis(l.p999(), l.count()), Figures.millis(l.max(), l.count()));
            }
        }
        return table.render();
    }

    String pipelineTable(PipelineResult result) {
        KafkaCeiling.Result max = results.ceilingMax();
        KafkaCeiling.Result atRate = results.ceilingAtRate();
        double ceilingRate = max != null ? max.recordsPerSecond() : Double.NaN;
        LatencySummary ceiling = atRate != null ? atRate.latency() : LatencySummary.NONE;
        MarkdownTable table = new MarkdownTable("figure", "value", "vs. ceiling");
        table.row("stories pushed / accepted (202) / refused / no answer", Figures.count(result.pushed()) + " / "
                + Figures.count(result.accepted()) + " / " + Figures.count(result.refused()) + " / "
                + Figures.count(result.failed()), "");
        table.row("push window", Figures.seconds(result.pushSeconds()), "");
        table.row("accepted stories/s", Figures.perSecond(result.acceptedPerSecond()),
                Figures.ratio(result.acceptedPerSecond(), ceilingRate));
        table.row("enriched stories/s (" + Figures.count(result.enriched()) + ")", Figures.perSecond(result.enrichedPerSecond()),
                Figures.ratio(result.enrichedPerSecond(), ceilingRate));
        table.row("stored stories/s (" + Figures.count(result.stored()) + ")", Figures.perSecond(result.storedPerSecond()),
                Figures.ratio(result.storedPerSecond(), ceilingRate));
        table.row("delivered stories/s, to every subscriber (" + Figures.count(result.delivered()) + ")",
                Figures.perSecond(result.deliveredPerSecond()), Figures.ratio(result.deliveredPerSecond(), ceilingRate));
        latencyRows(table, "push→202", result.accept(), ceiling, false);
        latencyRows(table, "push→enriched record", result.enrich(), ceiling, true);
        latencyRows(table, "push→stored (receipt)", result.store(), ceiling, true);
        latencyRows(table, "push→SSE delivery", result.delivery(), ceiling, true);
        result.cpuMillisPerStory().forEach((process, millis) ->
                table.row("CPU ms per story: " + process, Figures.decimal(millis), ""));
        return table.render();
    }

    private static void latencyRows(MarkdownTable table, String what, LatencySummary latency, LatencySummary ceiling,
                                    boolean withP999) {
        table.row(what + " p50", Figures.millis(latency.p50(), latency.count()), Figures.times(latency.p50(), ceiling.p50()));
        table.row(what + " p99", Figures.millis(latency.p99(), latency.count()), Figures.times(latency.p99(), ceiling.p99()));
        if (withP999) {
            table.row(what + " p99.9", Figures.millis(latency.p999(), latency.count()), Figures.times(latency.p999(), ceiling.p999()));
            table.row(what + " max (" + Figures.count(latency.count()) + " samples)", Figures.millis(latency.max(), latency.count()), "");
        }
    }

    static String idleTable(IdleSubscribersBench.Result idle) {
        MarkdownTable table = new MarkdownTable("figure", "value");
        table.row("idle subscribers requested / tried (open-files limit " + (idle.openFilesLimit() == Long.MAX_VALUE
                        ? "none" : Figures.count(idle.openFilesLimit())) + ") / open when measured",
                Figures.count(idle.requested()) + " / " + Figures.count(idle.attempted()) + " / " + Figures.count(idle.opened()));
        table.row("time to open them", Figures.seconds(idle.openSeconds()));
        table.row("publish heap after full GC, before", Figures.bytes(idle.heapBefore()));
        table.row("publish heap after full GC, with them open", Figures.bytes(idle.heapAfter()));
        table.row("heap per idle subscriber", Figures.bytes(idle.perSubscriber()));
        table.row("publish's max heap", Figures.bytes(idle.maxHeap()));
        return table.render() + "\nMeasured with that many open, not extrapolated. Heap only: Netty's direct buffers and "
                + "the sockets' kernel memory are not included.\n";
    }

    static String replayTable(ResumeReplayBench.Result replay) {
        MarkdownTable table = new MarkdownTable("figure", "value");
        table.row("missed events (written while the client was away)", Figures.count(replay.events()));
        table.row("stored and seen live", Figures.count(replay.stored()) + " in " + Figures.seconds(replay.storeSeconds()));
        table.row("publish stored events/s", Figures.perSecond(replay.storedPerSecond()));
        table.row("replayed to the resumed client", Figures.count(replay.replayed()));
        table.row("time to replay them", replay.replayed() > 0 ? Figures.seconds(replay.replaySeconds()) : Figures.NOT_MEASURED);
        table.row("replayed events/s", Figures.perSecond(replay.replayedPerSecond()));
        if (replay.note() != null) {
            table.row("note", replay.note());
        }
        return table.render();
    }

    static String archiveTable(List<ArchiveBench.Point> points) {
        MarkdownTable table = new MarkdownTable("archived stories", "time to write the added ones", "start",
                "enrich ready", "enrich CPU to ready", "enrich settled", "enrich heap after GC",
                "ingest ready", "ingest CPU to ready", "ingest settled", "ingest heap after GC");
        for (ArchiveBench.Point point : points) {
            archiveRow(table, Figures.count(point.articles()), Figures.seconds(point.preloadSeconds()), "catching up",
                    point.enrichCatchUp(), point.ingestCatchUp());
            archiveRow(table, "", "", "restart", point.enrich(), point.ingest());
        }
        return table.render() + "\nEach story is on the article, enriched and published topics (publish stopped, enrich's "
                + "group past the articles). Catching up: the first start after the stories were added while the "
                + "service was down; restart: the start after that, from a checkpoint that covers them. Ready: start to "
                + "`/actuator/health/readiness` UP (and the CPU seconds the process used until then); settled: until the "
                + "process used under a tenth of a core for 3 s (what it still rebuilds after saying it is ready); heap "
                + "after a full GC then.\n";
    }

    private static void archiveRow(MarkdownTable table, String articles, String preload, String start,
                                   ArchiveBench.Restart enrich, ArchiveBench.Restart ingest) {
        table.row(articles, preload, start, Figures.seconds(enrich.readySeconds()), Figures.seconds(enrich.readyCpuSeconds()),
                Figures.seconds(enrich.settledSeconds()), Figures.bytes(enrich.heapBytes()),
                Figures.seconds(ingest.readySeconds()), Figures.seconds(ingest.readyCpuSeconds()),
                Figures.seconds(ingest.settledSeconds()), Figures.bytes(ingest.heapBytes()));
    }

    private static String keyValues(Map<String, String> rows) {
        MarkdownTable table = new MarkdownTable("", "");
        rows.forEach(table::row);
        return table.render();
    }
}
