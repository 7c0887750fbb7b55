package org.newsroom.contract;

import java.time.Instant;

/**
 * What every stage of the newsroom can represent, so that ingest refuses at the door what a later
 * stage would fail on after a 202. Times are kept to four-digit years: ISO-8601 without an expanded
 * year, {@code Instant#toEpochMilli()}, BSON dates and the live page's JavaScript {@code Date} all
 * hold them. Versions are kept to 2^53 − 1, the largest integer a JSON number carries exactly to
 * every client (JavaScript's {@code Number.MAX_SAFE_INTEGER}), far enough from {@code Long.MAX_VALUE}
 * that "the next version" can never wrap.
 */
public final class Bounds {

    /** The earliest time a story, an embargo or a query may name. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest time a story, an embargo or a query may name. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** The highest editorial version. */
    public static final long MAX_VERSION = (1L << 53) - 1;

    private Bounds() {
    }

    /** Whether every stage can represent this time. */
    public static boolean representable(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }
}
