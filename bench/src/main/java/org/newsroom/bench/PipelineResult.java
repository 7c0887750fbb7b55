package org.newsroom.bench;

import java.util.Map;

/**
 * The figures of one pipeline phase. Rates divide a count by the time from the phase start to the
 * last such event, so a drain after the push window counts against the pipeline.
 *
 * @param pushed            stories sent
 * @param accepted          answered 202
 * @param refused           answered anything else
 * @param failed            no answer (connection error or timeout)
 * @param enriched          seen on the enriched topic
 * @param stored            seen on the published (receipts) topic
 * @param delivered         received by every subscriber
 * @param pushSeconds       length of the push window
 * @param acceptedSeconds   phase start to the last 202
 * @param enrichedSeconds   phase start to the last enriched record
 * @param storedSeconds     phase start to the last receipt
 * @param deliveredSeconds  phase start to the last complete delivery
 * @param accept            push→202, microseconds
 * @param enrich            push→enriched record written (its timestamp), microseconds
 * @param store             push→receipt written after storing (its timestamp), microseconds
 * @param delivery          push→SSE event, microseconds, one sample per subscriber and story
 * @param cpuMillisPerStory CPU milliseconds each process spent in the phase, per delivered story
 */
record PipelineResult(String name, long pushed, long accepted, long refused, long failed, long enriched, long stored,
                      long delivered, double pushSeconds, double acceptedSeconds, double enrichedSeconds,
                      double storedSeconds, double deliveredSeconds, LatencySummary accept, LatencySummary enrich,
                      LatencySummary store, LatencySummary delivery, Map<String, Double> cpuMillisPerStory) {

    double acceptedPerSecond() {
        return rate(accepted, acceptedSeconds);
    }

    double enrichedPerSecond() {
        return rate(enriched, enrichedSeconds);
    }

    double storedPerSecond() {
        return rate(stored, storedSeconds);
    }

    double deliveredPerSecond() {
        return rate(delivered, deliveredSeconds);
    }

    private static double rate(long count, double seconds) {
        return count > 0 && seconds > 0 ? count / seconds : Double.NaN;
    }
}
