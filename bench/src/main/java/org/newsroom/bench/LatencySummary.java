package org.newsroom.bench;

import org.HdrHistogram.Histogram;

/**
 * The percentiles of one latency histogram whose values are microseconds.
 *
 * @param count  samples recorded
 * @param p50    median in microseconds
 * @param p99    99th percentile in microseconds
 * @param p999   99.9th percentile in microseconds
 * @param max    largest sample in microseconds
 */
public record LatencySummary(long count, long p50, long p99, long p999, long max) {

    public static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0);

    /** Microseconds from 1 µs to 10 minutes at 3 significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(1, 600_000_000L, 3);
    }

    public static LatencySummary of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return NONE;
        }
        return new LatencySummary(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }
}
