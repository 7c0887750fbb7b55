package org.newsroom.contract;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigException;
import org.jspecify.annotations.Nullable;

/**
 * Stamps every record of the dead-letter producer with the pipeline stage that gave up on it, in
 * the header {@value #HEADER}, so that whoever reads several dead-letter topics side by side (or a
 * copy merged from them) can tell which service to fix before redriving.
 *
 * <p>The binder's own dead-letter headers ({@code x-original-topic}, {@code x-exception-fqcn}, …)
 * name the record and the failure but not the stage, and it has no hook for more headers: its
 * {@code DlqDestinationResolver} and {@code DlqPartitionFunction} are called after it has copied the
 * record's headers. A producer interceptor configured only on the dead-letter producer (binding
 * property {@code dlq-producer-properties.configuration.interceptor.classes}) sees exactly the dead
 * letters and nothing else. The stage comes from the same configuration, key {@value #STAGE_CONFIG}.
 * Every service that dead-letters marks its dead letters this one way, with {@link #producerConfig}.
 */
public final class DeadLetterStage implements ProducerInterceptor<Object, Object> {

    /** The header naming the stage. */
    public static final String HEADER = "x-newsroom-stage";
    /** The producer configuration key whose value is the stage, such as {@code enrich}. */
    public static final String STAGE_CONFIG = "newsroom.dead-letter.stage";

    private byte[] stage = new byte[0];

    /** A dead-letter producer's configuration with this interceptor stamping {@code stage} on its records. */
    public static Map<String, Object> producerConfig(Map<String, Object> producer, String stage) {
        Map<String, Object> config = new HashMap<>(producer);
        config.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, DeadLetterStage.class.getName());
        config.put(STAGE_CONFIG, stage);
        return config;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(STAGE_CONFIG);
        if (configured == null || configured.toString().isBlank()) {
            throw new ConfigException(STAGE_CONFIG, configured, "the dead-letter producer must name its stage");
        }
        stage = configured.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        // A redriven record that failed again carries the stage of its first failure: replace it.
        record.headers().remove(HEADER);
        record.headers().add(HEADER, stage);
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, @Nullable Exception exception) {
    }

    @Override
    public void close() {
    }
}
