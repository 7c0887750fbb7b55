package org.newsroom.ingest.embargo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.Bounds;
import org.newsroom.contract.EmbargoedArticle;
import org.newsroom.contract.Topic;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.state.FollowedTopic;
import org.newsroom.ingest.state.StateMap;
import org.newsroom.ingest.state.StateStore;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The pending holds of the whole embargo topic, kept in ingest's {@link StateStore} on disk, not on
 * the heap: every instance follows all partitions of {@link Topics#EMBARGOED} like its other
 * topics, from the state's offsets, so a restart reads only the holds and releases made since its
 * last commit, whatever the number and size of the pending holds. Per hold the store keeps the
 * event with the trace headers of its record and its partition ({@code hold:<uri>#v<version>}),
 * an entry ordered by release time ({@code due:<epoch millis>|<key>}, its partition as value), and
 * per partner the count and bytes of its holds ({@code held-by:<partner>}), which the intake checks
 * before holding more.
 * The heap keeps only the keys released by this instance whose tombstone has not been read yet.
 */
@Component
public class HeldEmbargoes implements FollowedTopic<EmbargoedArticle> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Enough digits for any time up to the year 9999, so the string order of due entries is their time order. */
    private static final String DUE_FORMAT = "%015d|%s";

    private final StateMap holds;

    private final StateMap due;

    private final StateMap heldBy;

    private final EmbargoProperties limits;

    private final Set<String> releasedHere = ConcurrentHashMap.newKeySet();

    private volatile boolean caughtUp;

    /**
     * A pending hold as the store keeps it.
     *
     * @param held the hold record's value
     * @param partition the partition of its record: the releaser that owns it releases it
     * @param headers the record's headers (the trace of the partner's push)
     */
    public record StoredHold(EmbargoedArticle held, int partition, Map<String, String> headers) {
    }

    public HeldEmbargoes(StateStore store, EmbargoProperties limits) {
        this.holds = store.map("hold");
        this.due = store.map("due");
        this.heldBy = store.map("held-by");
        this.limits = limits;
    }

    @Override
    public Topic<String, EmbargoedArticle> topic() {
        return Topics.EMBARGOED;
    }

    @Override
    public void apply(String key, @Nullable EmbargoedArticle value) {
        throw new UnsupportedOperationException("a hold needs its record's partition and headers");
    }

    /** Runs on the follower's thread only, so the partner counts need no locking. */
    @Override
    public void apply(ConsumerRecord<String, @Nullable EmbargoedArticle> record) {
        String key = record.key();
        byte[] previous = holds.remove(key);
        if (previous != null) {
            StoredHold ended = JSON.readValue(previous, StoredHold.class);
            due.remove(dueKey(ended.held().releaseAt(), key));
            count(ended.held().article().partnerId(), -1, -previous.length);
        }
        EmbargoedArticle held = record.value();
        if (held == null) {
            releasedHere.remove(key);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        byte[] stored = JSON.writeValueAsBytes(new StoredHold(held, record.partition(), headers));
        holds.put(key, stored);
        due.put(dueKey(held.releaseAt(), key), ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        count(held.article().partnerId(), 1, stored.length);
    }

    @Override
    public void caughtUp() {
        caughtUp = true;
    }

    /** Whether the holds are read up to where the topic ended at start: before, a release may be one already made. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    /**
     * Refuses a hold that would take its partner past its limits. Instances check against what they
     * have read, so concurrent pushes on several instances can overshoot by those in flight.
     *
     * @throws HoldsExceededException when the partner may hold no more
     */
    public void requireRoomFor(EmbargoedArticle held) {
        String partner = held.article().partnerId();
        long[] pending = pendingOf(partner);
        if (pending[0] + 1 > limits.maxHoldsPerPartner()) {
            throw new HoldsExceededException("Partner '" + partner + "' already holds " + pending[0]
                    + " stories under embargo, its limit; send this one again once some are released");
        }
        long bytes = JSON.writeValueAsBytes(held).length;
        if (pending[1] + bytes > limits.maxHeldSizePerPartner().toBytes()) {
            throw new HoldsExceededException("Partner '" + partner + "' holds " + pending[1]
                    + " bytes under embargo; this story would exceed its limit of "
                    + limits.maxHeldSizePerPartner().toBytes() + " bytes");
        }
    }

    /** The number of the partner's pending holds and their bytes as stored. */
    public long[] pendingOf(String partner) {
        byte[] counts = heldBy.get(partner);
        if (counts == null) {
            return new long[2];
        }
        ByteBuffer read = ByteBuffer.wrap(counts);
        return new long[] { read.getLong(), read.getLong() };
    }

    /**
     * The holds due at {@code now} on the given partitions, earliest first, at most {@code max},
     * leaving out those this instance released already.
     */
    List<StoredHold> dueAt(Instant now, Set<TopicPartition> partitions, int max) {
        String until = dueKey(now, "\uffff");
        List<StoredHold> found = new ArrayList<>();
        for (Iterator<String> keys = due.keysFrom(""); keys.hasNext() && found.size() < max;) {
            String dueKey = keys.next();
            if (dueKey.compareTo(until) > 0) {
                break;
            }
            String key = dueKey.substring(dueKey.indexOf('|') + 1);
            byte[] partition = due.get(dueKey);
            // The partition is checked first: a hold, up to a megabyte, is read only when it is this instance's.
            boolean ours = partition != null && partitions.contains(
                    new TopicPartition(Topics.EMBARGOED.name(), ByteBuffer.wrap(partition).getInt()));
            byte[] stored = ours && !releasedHere.contains(key) ? holds.get(key) : null;
            if (stored != null) {
                found.add(JSON.readValue(stored, StoredHold.class));
            }
        }
        return found;
    }

    /** The hold was released by this instance: not released again while its tombstone is on its way. */
    void released(EmbargoedArticle held) {
        releasedHere.add(held.key());
    }

    private void count(String partner, long holdsDelta, long bytesDelta) {
        long[] pending = pendingOf(partner);
        long count = pending[0] + holdsDelta;
        if (count <= 0) {
            heldBy.remove(partner);
            return;
        }
        heldBy.put(partner, ByteBuffer.allocate(2 * Long.BYTES).putLong(count).putLong(pending[1] + bytesDelta).array());
    }

    private static String dueKey(Instant releaseAt, String key) {
        long millis = releaseAt.isBefore(Instant.EPOCH) ? 0
                : releaseAt.isAfter(Bounds.LATEST) ? Bounds.LATEST.toEpochMilli() : releaseAt.toEpochMilli();
        return String.format(DUE_FORMAT, millis, key);
    }
}
