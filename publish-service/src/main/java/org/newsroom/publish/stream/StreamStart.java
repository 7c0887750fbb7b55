package org.newsroom.publish.stream;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a new stream begins: after a cursor the client was given, after everything stored before
 * an instant, or, with neither, at the head of the log so that only new events follow.
 *
 * @param cursor the client's resume cursor, winning over {@code since}
 * @param since the instant to replay from
 */
public record StreamStart(@Nullable StreamCursor cursor, @Nullable Instant since) {

    public static final StreamStart NOW = new StreamStart(null, null);

    public static StreamStart after(StreamCursor cursor) {
        return new StreamStart(cursor, null);
    }

    public static StreamStart since(Instant since) {
        return new StreamStart(null, since);
    }
}
