package org.newsroom.contract;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka topic with the types of its key and value, so that a topic name never travels without
 * knowing what it carries.
 *
 * @param name the topic name
 * @param keyType the type of the record key
 * @param valueType the type of the record value (serialized as JSON)
 * @param partitions the partition count used when a service creates the topic
 * @param configs topic-level configuration used when a service creates the topic
 * @param <K> the key type
 * @param <V> the value type
 */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType, int partitions,
        Map<String, String> configs) {

    public Topic {
        configs = Map.copyOf(configs);
    }

    /**
     * The topic as Kafka's admin client creates it. The replication factor is left to the broker's
     * {@code default.replication.factor}, so one definition serves a single local broker and a
     * production cluster alike.
     */
    public NewTopic toNewTopic() {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
    }

    /**
     * The dead-letter topic where {@code stage} (the service that reads this topic, such as
     * {@code enrich}) puts the records of this topic it gave up on.
     */
    public String deadLetters(String stage) {
        return name + "." + stage + "-dlq";
    }

    /**
     * Reads this topic's record values, JSON of {@link #valueType}; a tombstone (no value) reads as
     * null. A value that is not such JSON fails with Kafka's {@code SerializationException}.
     */
    public Deserializer<V> valueDeserializer() {
        return new JsonValueDeserializer<>(valueType);
    }
}
