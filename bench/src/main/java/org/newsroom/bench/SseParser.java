package org.newsroom.bench;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Turns the lines of a {@code text/event-stream} into events (WHATWG rules, reduced to what the
 * bench reads): a blank line ends an event, {@code field:value} lines with one optional space
 * after the colon, comment lines start with a colon. Not thread-safe: one parser per connection.
 */
final class SseParser {

    private final Consumer<SseEvent> onEvent;
    private @Nullable String id;
    private @Nullable String event;
    private @Nullable StringBuilder data;
    private boolean sawAnything;

    SseParser(Consumer<SseEvent> onEvent) {
        this.onEvent = onEvent;
    }

    void line(String line) {
        if (line.isEmpty()) {
            if (sawAnything) {
                onEvent.accept(new SseEvent(id, event != null ? event : (data != null ? "message" : ""),
                        data != null ? data.toString() : ""));
            }
            id = null;
            event = null;
            data = null;
            sawAnything = false;
            return;
        }
        sawAnything = true;
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> id = value;
            case "event" -> event = value;
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> {
                // retry and unknown fields do not matter to the bench
            }
        }
    }
}
