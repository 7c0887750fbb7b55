package org.newsroom.publish.stream;

import org.jspecify.annotations.Nullable;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.cluster.ClusterView;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One message of a stream, before it is written as SSE or NDJSON.
 *
 * @param event {@code published}, {@code updated}, {@code corrected}, {@code killed}, {@code clustered}
 *        (a story cluster's members or lead changed), {@code reset}, {@code end}, or {@code heartbeat}
 *        (an SSE comment)
 * @param cursor where a client that got this message resumes; the SSE {@code id}
 * @param data the article, or what the event needs to say; none for a heartbeat
 */
public record StreamMessage(
        @Schema(allowableValues = { "published", "updated", "corrected", "killed", "clustered", "reset", "end",
                "heartbeat" })
        String event,
        @Nullable String cursor,
        @Schema(description = "an article for published/updated/corrected, a cluster for clustered; Killed, "
                + "Reset or End otherwise",
                oneOf = { ArticleView.class, ClusterView.class, StreamMessage.Killed.class, StreamMessage.Reset.class,
                        StreamMessage.End.class }) @Nullable Object data) {

    public static final String HEARTBEAT = "heartbeat";

    public static final String RESET = "reset";

    public static final String END = "end";

    public static final String CLUSTERED = "clustered";

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
