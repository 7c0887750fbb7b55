package org.newsroom.bench;

import java.util.List;
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
 * @param ceilingMax     raw Kafka at max rate
 * @param ceilingAtRate  raw Kafka at the sustained phase's rate
 * @param pipeline       the pipeline phases
 * @param idle           idle subscribers, if measured
 * @param replay         resume replay, if measured
 * @param problems       what went wrong or was skipped
 */
record BenchReport(String title, List<String> notes, Map<String, String> machine, Map<String, String> versions,
                   Map<String, String> parameters, KafkaCeiling.@Nullable Result ceilingMax,
                   KafkaCeiling.@Nullable Result ceilingAtRate, List<PipelineResult> pipeline,
                   IdleSubscribersBench.@Nullable Result idle, ResumeReplayBench.@Nullable Result replay,
                   List<String> problems) {

    String render() {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        notes.forEach(note -> md.append("> ").append(note).append("\n"));
        md.append('\n');
        md.append("## Machine\n\n").append(keyValues(machine)).append('\n');
        md.append("## Versions\n\n").append(keyValues(versions)).append('\n');
        md.append("## Parameters\n\n").append(keyValues(parameters)).append('\n');
        md.append("## Ceiling: raw Kafka produce→consume, same broker, same payloads\n\n");
        md.append("acks=all, idempotent producer, zstd, one consumer; latency from `send()` to `poll()` in the same JVM.\n\n");
        md.append(ceilingTable()).append('\n');
        md.append("## Pipeline: HTTP push → ingest → Kafka → enrich (CoreNLP) → Kafka → publish (Mongo) → SSE\n\n");
        md.append("Rates are counted from the phase start to the last event of their kind. Throughput ratios are to the ")
                .append("max-rate ceiling, latency ratios to the ceiling at the sustained rate.\n\n");
        pipeline.forEach(result -> md.append("### ").append(result.name()).append("\n\n").append(pipelineTable(result)).append('\n'));
        md.append("## Idle SSE subscribers on one publish JVM\n\n");
        md.append(idle == null ? "Not measured.\n" : idleTable(idle)).append('\n');
        md.append("## Replay of missed events on resume (`Last-Event-ID`)\n\n");
        md.append(replay == null ? "Not measured.\n" : replayTable(replay)).append('\n');
        if (!problems.isEmpty()) {
            md.append("## Problems and omissions\n\n");
            problems.forEach(problem -> md.append("- ").append(problem).append('\n'));
        }
        return md.toString();
    }

    String ceilingTable() {
        MarkdownTable table = new MarkdownTable("run", "records", "received", "records/s", "p50", "p99", "p99.9", "max");
        for (KafkaCeiling.Result result : new KafkaCeiling.Result[] {ceilingMax, ceilingAtRate}) {
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
        double ceilingRate = ceilingMax != null ? ceilingMax.recordsPerSecond() : Double.NaN;
        LatencySummary ceiling = ceilingAtRate != null ? ceilingAtRate.latency() : LatencySummary.NONE;
        MarkdownTable table = new MarkdownTable("figure", "value", "vs. ceiling");
        table.row("stories pushed / accepted (202) / refused / no answer", Figures.count(result.pushed()) + " / "
                + Figures.count(result.accepted()) + " / " + Figures.count(result.refused()) + " / "
                + Figures.count(result.failed()), "");
        table.row("push window", Figures.seconds(result.pushSeconds()), "");
        table.row("accepted stories/s", Figures.perSecond(result.acceptedPerSecond()),
                Figures.ratio(result.acceptedPerSecond(), ceilingRate));
        table.row("enriched stories/s (" + Figures.count(result.enriched()) + ")", Figures.perSecond(result.enrichedPerSecond()),
                Figures.ratio(result.enrichedPerSecond(), ceilingRate));
        table.row("delivered stories/s, to every subscriber (" + Figures.count(result.delivered()) + ")",
                Figures.perSecond(result.deliveredPerSecond()), Figures.ratio(result.deliveredPerSecond(), ceilingRate));
        latencyRows(table, "push→202", result.accept(), ceiling, false);
        latencyRows(table, "push→enriched record", result.enrich(), ceiling, false);
        latencyRows(table, "push→SSE delivery", result.delivery(), ceiling, true);
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
        table.row("idle subscribers requested / open when measured", Figures.count(idle.requested()) + " / " + Figures.count(idle.opened()));
        table.row("time to open them", Figures.seconds(idle.openSeconds()));
        table.row("publish live heap after full GC, before", Figures.bytes(idle.heapBefore()));
        table.row("publish live heap after full GC, with them open", Figures.bytes(idle.heapAfter()));
        table.row("heap per idle subscriber", Figures.bytes(idle.perSubscriber()));
        table.row("idle subscribers that fit in the " + Figures.bytes(idle.maxHeap()) + " heap (extrapolated)",
                idle.fitInHeap() < 0 ? Figures.NOT_MEASURED : "≈ " + Figures.count(idle.fitInHeap()));
        return table.render() + "\nHeap only: Netty's direct buffers and the sockets' kernel memory are not included.\n";
    }

    static String replayTable(ResumeReplayBench.Result replay) {
        MarkdownTable table = new MarkdownTable("figure", "value");
        table.row("missed events (written while the client was away)", Figures.count(replay.events()));
        table.row("stored and seen live", Figures.count(replay.stored()) + " in " + Figures.seconds(replay.storeSeconds()));
        table.row("replayed to the resumed client", Figures.count(replay.replayed()));
        table.row("time to replay them", replay.replayed() > 0 ? Figures.seconds(replay.replaySeconds()) : Figures.NOT_MEASURED);
        table.row("replayed events/s", Figures.perSecond(replay.replayedPerSecond()));
        if (replay.note() != null) {
            table.row("note", replay.note());
        }
        return table.render();
    }

    private static String keyValues(Map<String, String> rows) {
        MarkdownTable table = new MarkdownTable("", "");
        rows.forEach(table::row);
        return table.render();
    }
}
