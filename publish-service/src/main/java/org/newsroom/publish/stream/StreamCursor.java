package org.newsroom.publish.stream;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.newsroom.publish.article.SourcePosition;

/**
 * Where a subscriber is in the stream: for each partition of the enriched topic, the offset of the
 * last event it has been given (or passed over). A partition is written in order by one consumer at
 * a time and an article always lives on one partition, so "every event whose offset is above the
 * cursor's offset of its partition" is exactly what the subscriber has not seen, whichever instance
 * serves it and however the partitions are spread over the instances. A partition the cursor does
 * not name has not been seen at all.
 *
 * <p>Clients get it as an opaque, URL-safe string ({@link #encode()}): base64url of
 * {@code v1:<partition>=<offset>,...}, so the format can change behind the version tag.
 *
 * @param offsets the last seen offset per partition
 */
public record StreamCursor(SortedMap<Integer, Long> offsets) {

    /** No event of any partition seen. */
    public static final StreamCursor ORIGIN = new StreamCursor(new TreeMap<>());

    private static final String VERSION = "v1:";

    private static final long NOTHING_SEEN = -1;

    public StreamCursor {
        offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
    }

    public long offsetOf(int partition) {
        return offsets.getOrDefault(partition, NOTHING_SEEN);
    }

    /** Whether the event at this position has already been seen. */
    public boolean covers(SourcePosition position) {
        return position.offset() <= offsetOf(position.partition());
    }

    /** This cursor after the event at the given position; never moves a partition backwards. */
    public StreamCursor advance(SourcePosition position) {
        if (covers(position)) {
            return this;
        }
        TreeMap<Integer, Long> next = new TreeMap<>(offsets);
        next.put(position.partition(), position.offset());
        return new StreamCursor(next);
    }

    /** The furthest of both cursors, partition by partition. */
    public StreamCursor max(StreamCursor other) {
        TreeMap<Integer, Long> next = new TreeMap<>(offsets);
        other.offsets.forEach((partition, offset) -> next.merge(partition, offset, Math::max));
        return new StreamCursor(next);
    }

    /** Whether some partition of the other cursor is further than this one. */
    public boolean isBehind(StreamCursor other) {
        return other.offsets.entrySet().stream().anyMatch(entry -> offsetOf(entry.getKey()) < entry.getValue());
    }

    public String encode() {
        String plain = VERSION + offsets.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a cursor made by {@link #encode()}; anything else is the client's mistake. */
    public static StreamCursor decode(String encoded) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
        }
        catch (IllegalArgumentException e) {
            throw new MalformedCursorException();
        }
        if (!plain.startsWith(VERSION)) {
            throw new MalformedCursorException();
        }
        String body = plain.substring(VERSION.length());
        TreeMap<Integer, Long> offsets = new TreeMap<>();
        if (body.isEmpty()) {
            return ORIGIN;
        }
        for (String pair : body.split(",", -1)) {
            String[] parts = pair.split("=", -1);
            try {
                int partition = Integer.parseInt(parts[0]);
                long offset = Long.parseLong(parts[1]);
                if (parts.length != 2 || partition < 0 || offset < 0
                        || offsets.put(partition, offset) != null) {
                    throw new MalformedCursorException();
                }
            }
            catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new MalformedCursorException();
            }
        }
        return new StreamCursor(offsets);
    }

    static StreamCursor of(Map<Integer, Long> offsets) {
        return new StreamCursor(new TreeMap<>(offsets));
    }

    @Override
    public String toString() {
        return offsets.toString();
    }
}
