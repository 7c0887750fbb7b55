package org.newsroom.ingest;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsroom.contract.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service against one real (embedded) Kafka broker. Every subclass has the same
 * configuration, so Spring's test context cache gives them one application and one broker: each
 * subclass must therefore use its own story uris, and count records relative to what it found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                TestPartners.AGENCY_ID_PROPERTY, TestPartners.AGENCY_KEY_PROPERTY, TestPartners.AGENCY_SECRET_PROPERTY })
@EmbeddedKafka
@AutoConfigureWebTestClient
@Import(KafkaIntegrationTest.FixedClock.class)
public abstract class KafkaIntegrationTest {

    protected static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    protected WebTestClient client;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    protected Consumer<String, String> articleLogConsumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    protected static List<TopicPartition> articlePartitions(Consumer<String, String> consumer) {
        return consumer.partitionsFor(Topics.ARTICLES.name(), Duration.ofSeconds(20)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    /** Where the article log ends now, per partition: what a later read starts from. */
    protected Map<TopicPartition, Long> articleLogEnd() {
        try (Consumer<String, String> consumer = articleLogConsumer()) {
            return consumer.endOffsets(articlePartitions(consumer));
        }
    }

    /** Every record written to the article log after {@code start}, up to its current end. */
    protected List<ConsumerRecord<String, String>> articleRecordsSince(Map<TopicPartition, Long> start) {
        try (Consumer<String, String> consumer = articleLogConsumer()) {
            List<TopicPartition> partitions = articlePartitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            partitions.forEach(partition -> consumer.seek(partition, start.getOrDefault(partition, 0L)));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
            return records;
        }
    }
}
