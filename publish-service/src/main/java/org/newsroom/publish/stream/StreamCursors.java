package org.newsroom.publish.stream;

import org.newsroom.publish.article.SourcePosition;

/**
 * Builds the cursor that clients receive as the SSE {@code id}. Clients must treat it as opaque:
 * today it is {@code <partition>-<offset>}, which is unique but not yet enough to resume exactly
 * across restarts and instances, so its format is expected to change and is kept in this one place.
 */
public final class StreamCursors {

    private StreamCursors() {
    }

    public static String cursorOf(SourcePosition position) {
        return position.partition() + "-" + position.offset();
    }
}
