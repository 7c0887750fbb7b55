package org.newsroom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Everything one run measured; a phase that did not run is {@code null} (or empty).
 *
 * @param ceilingMax     raw Kafka at max rate
 * @param ceilingAtRate  raw Kafka at the sustained phase's rate
 * @param maxRate        the pipeline's max-rate phase
 * @param sustained      the pipeline at the sustained rate
 * @param sustainedRate  stories/s of the sustained phase
 * @param enrichAlone    the enrichment alone, over the max-rate phase's stories
 * @param store          the store's raw insert rates
 * @param idle           idle subscribers
 * @param replay         resume replay, and how fast publish stored its events
 * @param archive        restarts with an archive, one point per size
 */
record BenchResults(KafkaCeiling.@Nullable Result ceilingMax, KafkaCeiling.@Nullable Result ceilingAtRate,
                    @Nullable PipelineResult maxRate, @Nullable PipelineResult sustained, double sustainedRate,
                    EnrichAloneBench.@Nullable Result enrichAlone, StoreCeiling.@Nullable Result store,
                    IdleSubscribersBench.@Nullable Result idle, ResumeReplayBench.@Nullable Result replay,
                    List<ArchiveBench.Point> archive) {

    List<PipelineResult> phases() {
        List<PipelineResult> phases = new ArrayList<>();
        if (maxRate != null) {
            phases.add(maxRate);
        }
        if (sustained != null) {
            phases.add(sustained);
        }
        return phases;
    }

    double pipelineEnrichedPerSecond() {
        return maxRate != null ? maxRate.enrichedPerSecond() : Double.NaN;
    }

    double publishStoredPerSecond() {
        return replay != null ? replay.storedPerSecond() : Double.NaN;
    }

    /** CPU per story of each process in the max-rate phase, where every process works as hard as it can. */
    Map<String, Double> cpuMsPerStory() {
        return maxRate != null ? maxRate.cpuMillisPerStory() : Map.of();
    }
}
