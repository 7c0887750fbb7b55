package org.newsroom.ingest;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service against one real (embedded) Kafka broker. Every subclass has the same
 * configuration, so Spring's test context cache gives them one application and one broker: each
 * subclass must therefore use its own story uris, and count records relative to what it found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                TestPartners.AGENCY_ID_PROPERTY, TestPartners.AGENCY_KEY_PROPERTY, TestPartners.AGENCY_SECRET_PROPERTY,
                TestPartners.WIRE_ID_PROPERTY, TestPartners.WIRE_KEY_PROPERTY, TestPartners.WIRE_SECRET_PROPERTY,
                TestPartners.WIRE_SOURCES_PROPERTY, TestPartners.AGENCY_UNLIMITED_PROPERTY })
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

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    protected final JsonMapper json = JsonMapper.builder().build();

    /** A native JSON story with every required field. */
    protected static Map<String, Object> story(String uri, String headline, String body) {
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("uri", uri);
        story.put("headline", headline);
        story.put("body", body);
        story.put("source", "Yahoo Finance");
        story.put("firstCreated", "2026-01-02T03:04:05Z");
        return story;
    }

    /** Posts the story as native JSON, signed by {@link TestPartners#AGENCY}. */
    protected WebTestClient.ResponseSpec postJson(Map<String, Object> story) {
        return postJson(client, story);
    }

    protected WebTestClient.ResponseSpec postJson(WebTestClient client, Map<String, Object> story) {
        byte[] body = json.writeValueAsBytes(story);
        return client.post().uri("/v1/stories").contentType(MediaType.APPLICATION_JSON)
                .headers(TestPartners.signedByAgency(body)).bodyValue(body).exchange();
    }

    /** Sends a record as another service would: plain JSON text, keyed as given. */
    protected void produce(Topic<String, ?> topic, String key, @Nullable String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
        catch (Exception e) {
            throw new AssertionError("Could not produce to " + topic.name(), e);
        }
    }

    protected Consumer<String, String> logConsumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    protected static List<TopicPartition> partitions(Consumer<String, String> consumer, Topic<String, ?> topic) {
        return consumer.partitionsFor(topic.name(), Duration.ofSeconds(20)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    /** Where the topic ends now, per partition: what a later read starts from. */
    protected Map<TopicPartition, Long> logEnd(Topic<String, ?> topic) {
        try (Consumer<String, String> consumer = logConsumer()) {
            return consumer.endOffsets(partitions(consumer, topic));
        }
    }

    /** Every record written to the topic after {@code start}, up to its current end. */
    protected List<ConsumerRecord<String, String>> recordsSince(Topic<String, ?> topic, Map<TopicPartition, Long> start) {
        try (Consumer<String, String> consumer = logConsumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
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
