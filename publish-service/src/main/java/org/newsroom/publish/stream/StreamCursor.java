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
 * <p>An event may be delivered as several messages (an article, then the clusters it changed). A
 * client that left between them resumes inside the event: per partition the cursor may also say
 * how many messages of the event right after its offset were given, so a resume sends the rest and
 * nothing twice.
 *
 * <p>Clients get it as an opaque, URL-safe string ({@link #encode()}): base64url of
 * {@code v1:<partition>=<offset>,...}, where an offset inside an event is
 * {@code <offset of the event>.<messages given>}, so the format can change behind the version tag.
 *
 * @param offsets the last fully seen offset per partition
 * @param parts per partition, how many messages of the event right after its offset were given
 */
public record StreamCursor(SortedMap<Integer, Long> offsets, SortedMap<Integer, Integer> parts) {

    /** No event of any partition seen. */
    public static final StreamCursor ORIGIN = new StreamCursor(new TreeMap<>(), new TreeMap<>());

    private static final String VERSION = "v1:";

    private static final long NOTHING_SEEN = -1;

    public StreamCursor {
        offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
        parts = Collections.unmodifiableSortedMap(new TreeMap<>(parts));
    }

    public StreamCursor(SortedMap<Integer, Long> offsets) {
        this(offsets, new TreeMap<>());
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
        TreeMap<Integer, Integer> nextParts = new TreeMap<>(parts);
        nextParts.remove(position.partition());
        return new StreamCursor(next, nextParts);
    }

    /**
     * This cursor after the first {@code given} messages of the event at the given position (and
     * everything before it); never moves a partition backwards.
     */
    public StreamCursor advanceWithin(SourcePosition position, int given) {
        if (covers(position) || given <= given(position)) {
            return this;
        }
        TreeMap<Integer, Long> next = new TreeMap<>(offsets);
        next.put(position.partition(), position.offset() - 1);
        TreeMap<Integer, Integer> nextParts = new TreeMap<>(parts);
        nextParts.put(position.partition(), given);
        return new StreamCursor(next, nextParts);
    }

    /** How many messages of the event at this position were given already; 0 if none or if it is fully seen. */
    public int given(SourcePosition position) {
        return !covers(position) && position.offset() == offsetOf(position.partition()) + 1
                ? parts.getOrDefault(position.partition(), 0) : 0;
    }

    /** The furthest of both cursors, partition by partition. */
    public StreamCursor max(StreamCursor other) {
        TreeMap<Integer, Long> next = new TreeMap<>(offsets);
        TreeMap<Integer, Integer> nextParts = new TreeMap<>(parts);
        other.offsets.forEach((partition, offset) -> {
            long mine = offsetOf(partition);
            int otherParts = other.parts.getOrDefault(partition, 0);
            if (offset > mine || offset == mine && otherParts > parts.getOrDefault(partition, 0)) {
                next.put(partition, offset);
                if (otherParts > 0) {
                    nextParts.put(partition, otherParts);
                }
                else {
                    nextParts.remove(partition);
                }
            }
        });
        return new StreamCursor(next, nextParts);
    }

    /** Whether some partition of the other cursor is further than this one. */
    public boolean isBehind(StreamCursor other) {
        return other.offsets.entrySet().stream().anyMatch(entry -> offsetOf(entry.getKey()) < entry.getValue());
    }

    public String encode() {
        String plain = VERSION + offsets.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + (parts.containsKey(entry.getKey())
                        ? (entry.getValue() + 1) + "." + parts.get(entry.getKey()) : entry.getValue()))
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
        TreeMap<Integer, Integer> given = new TreeMap<>();
        if (body.isEmpty()) {
            return ORIGIN;
        }
        for (String pair : body.split(",", -1)) {
            String[] parts = pair.split("=", -1);
            try {
                int partition = Integer.parseInt(parts[0]);
                String[] within = parts[1].split("\\.", -1);
                long offset = Long.parseLong(within[0]);
                int messages = within.length == 2 ? Integer.parseInt(within[1]) : 0;
                if (parts.length != 2 || within.length > 2 || partition < 0 || offset < 0
                        || within.length == 2 && messages < 1) {
                    throw new MalformedCursorException();
                }
                if (within.length == 2) {
                    offset--;
                    given.put(partition, messages);
                }
                if (offsets.put(partition, offset) != null) {
                    throw new MalformedCursorException();
                }
            }
            catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new MalformedCursorException();
            }
        }
        return new StreamCursor(offsets, given);
    }

    static StreamCursor of(Map<Integer, Long> offsets) {
        return new StreamCursor(new TreeMap<>(offsets));
    }

    @Override
    public String toString() {
        return parts.isEmpty() ? offsets.toString() : offsets + " within " + parts;
    }
}
