package org.newsroom.ingest.article;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.IngestProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The article topic and the producer settings that depend on ingest's own limits. */
@Configuration(proxyBeanMethods = false)
class ArticleTopicConfiguration {

    /**
     * Room for what an event adds to the request's text: ids, action, timestamps. The producer
     * checks the uncompressed record against {@code max.request.size}, so any request that passed
     * the HTTP size limit must also pass this one; the broker checks the compressed batch.
     */
    private static final long EVENT_OVERHEAD_BYTES = 64 * 1024;

    @Bean
    NewTopic articlesTopic() {
        return Topics.ARTICLES.toNewTopic();
    }

    @Bean
    NewTopic embargoedTopic() {
        return Topics.EMBARGOED.toNewTopic();
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer ingestProducerLimits(IngestProperties properties) {
        IngestProperties.Kafka kafka = properties.kafka();
        long maxRecordBytes = Math.min(Integer.MAX_VALUE, properties.maxRequestSize().toBytes() + EVENT_OVERHEAD_BYTES);
        return producerFactory -> producerFactory.updateConfigs(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.maxBlock().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) kafka.requestTimeout().toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) kafka.deliveryTimeout().toMillis(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) maxRecordBytes));
    }
}
