package org.newsroom.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.newsroom.launcher.ServiceJars;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/target/bench-report.json}: the run's headline figures under stable keys, for
 * scripts and for comparing runs. A figure that was not measured is {@code null}. Rates are per
 * second, latencies milliseconds, heaps KiB or MiB as the key says.
 */
final class BenchJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BenchJson() {
    }

    static Map<String, @Nullable Object> of(BenchResults results, BenchOptions options) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        EnrichAloneBench.Result alone = results.enrichAlone();
        double enriched = results.pipelineEnrichedPerSecond();
        json.put("enrichAloneStoriesPerSecond", alone == null ? null : number(alone.storiesPerSecond()));
        json.put("pipelineEnrichedStoriesPerSecond", number(enriched));
        json.put("enrichPipelineToAloneRatio", alone == null ? null : number(enriched / alone.storiesPerSecond()));
        json.put("enrichAloneCpuMsPerStory", alone == null ? null : number(alone.cpuMillisPerStory()));
        StoreCeiling.Result store = results.store();
        double stored = results.publishStoredPerSecond();
        json.put("storeRawInsertsPerSecond", store == null ? null : number(store.batchedPerSecond()));
        json.put("storeRawSingleInsertsPerSecond", store == null ? null : number(store.singlePerSecond()));
        json.put("publishStoredEventsPerSecond", number(stored));
        json.put("publishToStoreRatio", store == null ? null : number(stored / store.batchedPerSecond()));
        PipelineResult max = results.maxRate();
        json.put("maxAcceptedStoriesPerSecond", max == null ? null : number(max.acceptedPerSecond()));
        json.put("maxDeliveredStoriesPerSecond", max == null ? null : number(max.deliveredPerSecond()));
        PipelineResult sustained = results.sustained();
        json.put("sustainedRate", number(results.sustainedRate()));
        json.put("sustainedSubscribers", options.subscribers());
        json.put("sustainedPushToSseP99Ms", sustained == null ? null : millis(sustained.delivery().p99(), sustained.delivery().count()));
        json.put("sustainedLatencyMs", sustained == null ? null : hops(sustained));
        json.put("maxRateLatencyMs", max == null ? null : hops(max));
        IdleSubscribersBench.Result idle = results.idle();
        json.put("idleSubscribersOpen", idle == null ? null : idle.opened());
        json.put("idleHeapKibPerSubscriber", idle == null ? null : number(idle.kibPerSubscriber()));
        json.put("idleOpenFilesLimit", idle == null || idle.openFilesLimit() == Long.MAX_VALUE ? null : idle.openFilesLimit());
        ResumeReplayBench.Result replay = results.replay();
        json.put("replayEvents", replay == null ? null : replay.replayed());
        json.put("replaySeconds", replay == null || replay.replayed() == 0 ? null : number(replay.replaySeconds()));
        json.put("cpuMsPerStory", cpu(results.cpuMsPerStory()));
        json.put("sustainedCpuMsPerStory", sustained == null ? null : cpu(sustained.cpuMillisPerStory()));
        List<ArchiveBench.Point> archive = results.archive();
        if (!archive.isEmpty()) {
            ArchiveBench.Point largest = archive.get(archive.size() - 1);
            json.putAll(point(largest));
            json.put("archiveCurve", archive.stream().map(BenchJson::point).toList());
        }
        json.put("parameters", options.asRows());
        return json;
    }

    static void write(Path file, Map<String, @Nullable Object> json) throws IOException {
        JSON.writeValue(file.toFile(), json);
    }

    static String render(Map<String, @Nullable Object> json) {
        return JSON.writeValueAsString(json);
    }

    private static Map<String, @Nullable Object> point(ArchiveBench.Point point) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("archiveArticles", point.articles());
        restart(json, "enrich", point.enrichCatchUp(), point.enrich());
        restart(json, "ingest", point.ingestCatchUp(), point.ingest());
        return json;
    }

    /** {@code <service>Restart…} for the restart after a checkpoint, {@code <service>CatchUp…} for the start before it. */
    private static void restart(Map<String, @Nullable Object> json, String service, ArchiveBench.Restart catchUp,
                                ArchiveBench.Restart restart) {
        json.put(service + "RestartReadySeconds", number(restart.readySeconds()));
        json.put(service + "RestartReadyCpuSeconds", number(restart.readyCpuSeconds()));
        json.put(service + "RestartSettledSeconds", number(restart.settledSeconds()));
        json.put(service + "HeapMib", number(restart.heapMib()));
        json.put(service + "CatchUpReadySeconds", number(catchUp.readySeconds()));
        json.put(service + "CatchUpReadyCpuSeconds", number(catchUp.readyCpuSeconds()));
        json.put(service + "CatchUpHeapMib", number(catchUp.heapMib()));
    }

    /** Keyed by service as the launcher names them; the broker-and-store host and the bench under their names. */
    private static Map<String, @Nullable Object> cpu(Map<String, Double> perStory) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        for (String service : ServiceJars.SERVICES) {
            json.put(service, perStory.containsKey(service) ? number(perStory.get(service)) : null);
        }
        perStory.forEach((process, millis) -> json.putIfAbsent(process, number(millis)));
        return json;
    }

    private static Map<String, @Nullable Object> hops(PipelineResult phase) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("pushTo202", percentiles(phase.accept()));
        json.put("pushToEnriched", percentiles(phase.enrich()));
        json.put("pushToStored", percentiles(phase.store()));
        json.put("pushToSse", percentiles(phase.delivery()));
        return json;
    }

    private static Map<String, @Nullable Object> percentiles(LatencySummary latency) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("samples", latency.count());
        json.put("p50", millis(latency.p50(), latency.count()));
        json.put("p99", millis(latency.p99(), latency.count()));
        json.put("p999", millis(latency.p999(), latency.count()));
        json.put("max", millis(latency.max(), latency.count()));
        return json;
    }

    private static @Nullable Double millis(long micros, long count) {
        return count == 0 ? null : micros / 1000.0;
    }

    /** Rounded to what the measurement can tell; NaN and infinity (not measured) as null. */
    private static @Nullable Double number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return Math.round(value * 1000) / 1000.0;
    }
}
