package org.newsroom.ingest.state;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.Topic;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ConsumerPostProcessor;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.stereotype.Component;

/**
 * Consumer factories for ingest's topics, derived from Boot's: the deployment's connection and
 * security settings ({@code spring.kafka.*}: SASL, TLS, SSL bundles) and its consumer metrics
 * listener apply, with the topic's own value deserializer. An unreadable value does not stop the
 * consumer: {@link ErrorHandlingDeserializer} hands it to the container's error handler.
 */
@Component
public class TopicConsumers {

    private final ConsumerFactory<?, ?> boot;

    public TopicConsumers(ConsumerFactory<?, ?> boot) {
        this.boot = boot;
    }

    /**
     * @param groupId the consumer group, or {@code null} for a consumer that assigns partitions itself
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <V> ConsumerFactory<String, V> of(Topic<String, V> topic, String clientId, @Nullable String groupId) {
        Map<String, Object> config = new HashMap<>(boot.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Topics are created by KafkaAdmin with their compaction settings; a broker default must not win.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        DefaultKafkaConsumerFactory<String, V> factory = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ErrorHandlingDeserializer<>(topic.valueDeserializer()));
        boot.getListeners().forEach(listener -> factory.addListener((ConsumerFactory.Listener) listener));
        boot.getPostProcessors().forEach(processor -> factory.addPostProcessor((ConsumerPostProcessor) processor));
        return factory;
    }
}
