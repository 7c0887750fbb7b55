package org.newsroom.ingest.state;

import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    /**
     * Applies one record with a key, for a topic whose facts also depend on where the record lies
     * or on its headers; by default only key and value count.
     */
    default void apply(ConsumerRecord<String, @Nullable V> record) {
        apply(record.key(), record.value());
    }

    /** Every partition has been read up to where it ended when following began. */
    void caughtUp();

    /** A followed topic made of its two callbacks; {@code apply} is given only records with a value. */
    static <V> FollowedTopic<V> of(Topic<String, V> topic, BiConsumer<String, V> apply, Runnable caughtUp) {
        return new FollowedTopic<>() {

            @Override
            public Topic<String, V> topic() {
                return topic;
            }

            @Override
            public void apply(String key, @Nullable V value) {
                if (value != null) {
                    apply.accept(key, value);
                }
            }

            @Override
            public void caughtUp() {
                caughtUp.run();
            }
        };
    }
}
