package org.newsroom.bench;

import java.util.Locale;

/** How the report writes numbers, so every table reads the same way. */
final class Figures {

    static final String NOT_MEASURED = "n/a";

    private Figures() {
    }

    /** Microseconds as milliseconds: {@code 1234} → {@code 1.23 ms}; none measured → n/a. */
    static String millis(long micros, long count) {
        if (count == 0) {
            return NOT_MEASURED;
        }
        double ms = micros / 1000.0;
        return String.format(Locale.ROOT, ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }

    /** A rate such as {@code 1,234.5/s}. */
    static String perSecond(double rate) {
        if (Double.isNaN(rate) || Double.isInfinite(rate)) {
            return NOT_MEASURED;
        }
        return String.format(Locale.ROOT, rate >= 100 ? "%,.0f/s" : "%,.1f/s", rate);
    }

    /** {@code measured / ceiling} as a percentage with its factor, e.g. {@code 2.5 % (1/40)}. */
    static String ratio(double measured, double ceiling) {
        if (!(ceiling > 0) || Double.isNaN(measured)) {
            return NOT_MEASURED;
        }
        double ratio = measured / ceiling;
        if (ratio >= 1) {
            return String.format(Locale.ROOT, "%.1f×", ratio);
        }
        return String.format(Locale.ROOT, "%.1f %% (1/%.0f)", ratio * 100, ratio > 0 ? 1 / ratio : Double.POSITIVE_INFINITY);
    }

    /** How many times the ceiling's latency, e.g. {@code 12.0×}. */
    static String times(long measuredMicros, long ceilingMicros) {
        if (ceilingMicros <= 0 || measuredMicros <= 0) {
            return NOT_MEASURED;
        }
        return String.format(Locale.ROOT, "%.1f×", (double) measuredMicros / ceilingMicros);
    }

    static String bytes(long bytes) {
        if (bytes < 0) {
            return NOT_MEASURED;
        }
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
        }
        if (bytes >= 1 << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / (double) (1 << 10));
        }
        return bytes + " B";
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String seconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return NOT_MEASURED;
        }
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** A plain figure such as milliseconds per story: {@code 23.4}, {@code 0.52}. */
    static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NOT_MEASURED;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
