package org.newsroom.ingest.state;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.Topic;

/**
 * A topic whose every record ingest applies to its {@link StateStore}, from all partitions.
 *
 * @param <V> the value type of the topic
 */
public interface FollowedTopic<V> {

    Topic<String, V> topic();

    /**
     * Applies one record; runs inside {@link StateStore#apply}, so the change and the record's offset
     * are committed together.
     *
     * @param value {@code null} for a tombstone
     */
    void apply(String key, @Nullable V value);

    /** Every partition has been read up to where it ended when following began. */
    void caughtUp();
}
