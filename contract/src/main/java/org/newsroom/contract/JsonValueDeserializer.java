package org.newsroom.contract;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads record values of one type as the newsroom writes them: plain JSON without type headers.
 * One reader per type, shared: Jackson's readers are immutable and thread-safe.
 *
 * @param <V> the value type
 */
final class JsonValueDeserializer<V> implements Deserializer<V> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Class<V> type;
    private final ObjectReader reader;

    JsonValueDeserializer(Class<V> type) {
        this.type = type;
        this.reader = JSON.readerFor(type);
    }

    @Override
    public @Nullable V deserialize(String topic, byte @Nullable [] data) {
        if (data == null) {
            return null;
        }
        try {
            return reader.readValue(data);
        }
        catch (JacksonException e) {
            throw new SerializationException("Record of " + topic + " is not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
