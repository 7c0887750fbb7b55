package org.newsroom.contract;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Deserializer;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * Readers tolerate fields they do not know, so that a writer may add an optional field (see the
     * package documentation) without breaking the services that read its topic.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Topic {
        configs = Map.copyOf(configs);
    }

    /**
     * Reads this topic's record values as {@link #valueType()} from their JSON; a tombstone (no value)
     * reads as {@code null}. A value that is not such JSON throws Jackson's exception, which Kafka
     * clients and spring-kafka's {@code ErrorHandlingDeserializer} report as a deserialization failure.
     */
    public Deserializer<V> valueDeserializer() {
        Class<V> type = valueType;
        return (topic, data) -> data == null ? null : JSON.readValue(data, type);
    }

    /**
     * The topic as Kafka's admin client creates it. The replication factor is left to the broker's
     * {@code default.replication.factor}, so one definition serves a single local broker and a
     * production cluster alike.
     */
    public NewTopic toNewTopic() {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
    }
}
