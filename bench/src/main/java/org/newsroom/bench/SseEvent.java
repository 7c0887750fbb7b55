package org.newsroom.bench;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event as received.
 *
 * @param id the event id (publish's resume cursor), if any
 * @param event the event name; empty for a comment-only block such as publish's heartbeat
 * @param data the data lines joined with newlines; empty if none
 */
record SseEvent(@Nullable String id, String event, String data) {
}
