package org.newsroom.publish.stream;

import org.jspecify.annotations.Nullable;

/**
 * One message of a stream, before it is written as SSE or NDJSON.
 *
 * @param event {@code published}, {@code updated}, {@code corrected}, {@code killed}, {@code reset},
 *        {@code end}, or {@code heartbeat} (an SSE comment)
 * @param cursor where a client that got this message resumes; the SSE {@code id}
 * @param data the article, or what the event needs to say; none for a heartbeat
 */
public record StreamMessage(String event, @Nullable String cursor, @Nullable Object data) {

    public static final String HEARTBEAT = "heartbeat";

    public static final String RESET = "reset";

    public static final String END = "end";

    /** The data of a {@code killed} event: which article to drop; its content is gone. */
    public record Killed(String id, String uri) {
    }

    /** The data of a {@code reset} event. */
    public record Reset(String reason, String refetch) {
    }

    /** The data of an {@code end} event: the cursor to reconnect with. */
    public record End(String reason, String cursor) {
    }
}
