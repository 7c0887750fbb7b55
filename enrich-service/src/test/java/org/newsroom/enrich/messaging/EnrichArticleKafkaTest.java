package org.newsroom.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.Topics;
import org.newsroom.enrich.FixedClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against a real (embedded) Kafka broker with the real Kafka binder: records in
 * {@code newsroom.articles.v1} come out enriched in {@code newsroom.enriched.v1}, and a record that
 * cannot be read goes to the dead-letter topic without blocking its partition.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@AutoConfigureWebTestClient
@Import(FixedClockConfiguration.class)
class EnrichArticleKafkaTest {

    private static final String DLQ = "newsroom.articles.v1.enrich-dlq";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private WebTestClient web;

    private Producer<String, String> producer;
    private Consumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", broker.getBrokersAsString(),
                "acks", "all"), new StringSerializer(), new StringSerializer());
        Map<String, Object> consumerProps = KafkaTestUtils.consumerProps(broker.getBrokersAsString(),
                "test-" + UUID.randomUUID(), false);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.ENRICHED.name(), DLQ));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        consumer.close();
    }

    @Test
    void enrichesAnArticleIntoTheEnrichedTopicKeyedByUri() throws Exception {
        // Given
        String uri = "urn:newsroom:partner-1:story/" + UUID.randomUUID();

        // When
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), uri, articleJson(uri))).get();

        // Then
        ConsumerRecord<String, String> enriched = awaitRecord(Topics.ENRICHED.name(), uri);
        JsonNode event = JSON.readTree(enriched.value());
        assertThat(event.at("/article/uri").asString()).isEqualTo(uri);
        assertThat(event.at("/enrichment/enrichedAt").asString()).isEqualTo(FixedClockConfiguration.NOW.toString());
        assertThat(event.at("/enrichment/entities/0/name").asString()).isEqualTo("Geneva");
        assertThat(event.at("/enrichment/entities/0/type").asString()).isEqualTo("LOCATION");
        assertThat(enriched.headers().toArray()).isEmpty();
    }

    @Test
    void sendsAnUnreadableRecordToTheDeadLetterTopicAndGoesOnWithTheNext() throws Exception {
        // Given: both records share a key, so they are on the same partition, poison first
        String uri = "urn:newsroom:partner-1:story/" + UUID.randomUUID();

        // When
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), uri, "{\"uri\": not json")).get();
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), uri, articleJson(uri))).get();

        // Then
        assertThat(awaitRecord(DLQ, uri).value()).isEqualTo("{\"uri\": not json");
        assertThat(JSON.readTree(awaitRecord(Topics.ENRICHED.name(), uri).value()).at("/article/uri").asString())
                .isEqualTo(uri);
    }

    @Test
    void reportsHealthUp() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        return await().atMost(TIMEOUT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.stream()
                    .filter(record -> record.topic().equals(topic) && key.equals(record.key()))
                    .findFirst()
                    .orElse(null);
        }, record -> record != null);
    }

    private static String articleJson(String uri) {
        return """
                {"schemaVersion": 1, "eventId": "%s", "action": "PUBLISHED", "uri": "%s", "version": 1,
                 "headline": "Talks in Geneva",
                 "body": "Reuters reported that talks between Iran and the United Nations resumed.",
                 "source": "Partner Wire", "partnerId": "partner-1", "language": "en",
                 "firstCreated": "2026-03-02T09:00:00Z", "receivedAt": "2026-03-02T10:00:00Z"}
                """.formatted(UUID.randomUUID(), uri);
    }
}
