package org.newsroom.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.DeadLetterStage;
import org.newsroom.contract.Topics;
import org.newsroom.enrich.FixedClockConfiguration;
import org.newsroom.enrich.language.LanguageDetector;
import org.newsroom.enrich.language.OpenNlpLanguageDetector;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against a real (embedded) Kafka broker with the real Kafka binder: records in
 * {@code newsroom.articles.v1} come out enriched in {@code newsroom.enriched.v1}, and a record that
 * cannot be read or enriched goes to the dead-letter topic, with headers that say where it came
 * from and why it failed, without blocking its partition.
 *
 * <p>To make a readable article fail enrichment, the language detector of this context fails on
 * headlines that contain {@link FailingLanguageDetector#POISON}; every other article gets the real
 * detector.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "newsroom.enrich.archive.directory=target/test-archives/${random.uuid}")
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@AutoConfigureWebTestClient
@Import({FixedClockConfiguration.class, EnrichArticleKafkaTest.FailingLanguageDetector.class})
class EnrichArticleKafkaTest {

    private static final String DLQ = Topics.ARTICLES.deadLetters("enrich");
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
        // Plain JSON: no contentType or type headers, only the trace context of the enrichment.
        assertThat(enriched.headers().toArray()).extracting(Header::key).containsExactly("traceparent");
    }

    @Test
    void carriesTheTraceOfTheArticleRecordToTheEnrichedRecordAndTimesTheEnrichment() throws Exception {
        // Given an article record written in the trace of the partner's push
        String uri = "urn:newsroom:partner-1:story/" + UUID.randomUUID();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ProducerRecord<String, String> article = new ProducerRecord<>(Topics.ARTICLES.name(), uri, articleJson(uri));
        article.headers().add("traceparent",
                ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.US_ASCII));

        // When
        producer.send(article).get();

        // Then the enriched record continues that trace, in a span of its own
        ConsumerRecord<String, String> enriched = awaitRecord(Topics.ENRICHED.name(), uri);
        assertThat(header(enriched, "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .isNotEqualTo("00-" + traceId + "-00f067aa0ba902b7-01");
        // And Prometheus sees the enrichment timed and the consumer group's lag
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .containsPattern("(?m)^newsroom_enrichment_duration_seconds_count\\{outcome=\"success\"\\} [1-9]")
                        .containsPattern("(?m)^newsroom_enrichment_duration_seconds_bucket\\{")
                        .containsPattern("(?m)^spring_cloud_stream_binder_kafka_offset\\{[^}]*group=\"enrich-service\""));
    }

    @Test
    void sendsAnUnreadableRecordToTheDeadLetterTopicAndGoesOnWithTheNext() throws Exception {
        // Given: both records share a key, so they are on the same partition, poison first
        String uri = "urn:newsroom:partner-1:story/" + UUID.randomUUID();

        // When
        RecordMetadata poison = producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), uri, "{\"uri\": not json"))
                .get();
        RecordMetadata good = producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), uri, articleJson(uri))).get();

        // Then
        ConsumerRecord<String, String> deadLetter = awaitRecord(DLQ, uri);
        assertThat(deadLetter.value()).isEqualTo("{\"uri\": not json");
        assertDeadLetterOf(deadLetter, poison);
        assertThat(header(deadLetter, "x-exception-message"))
                .contains("cannot be cast to class " + ArticleEvent.class.getName());
        assertThat(header(deadLetter, "x-exception-stacktrace")).contains("Caused by: java.lang.ClassCastException");
        assertThat(good.partition()).isEqualTo(poison.partition());
        assertThat(JSON.readTree(awaitRecord(Topics.ENRICHED.name(), uri).value()).at("/article/uri").asString())
                .isEqualTo(uri);
    }

    @Test
    void sendsAnArticleWhoseEnrichmentFailsToTheDeadLetterTopicAndGoesOnWithTheNext() throws Exception {
        // Given: a readable article whose enrichment throws, then a good one on the same partition
        String uri = "urn:newsroom:partner-1:story/" + UUID.randomUUID();
        String failing = articleJson(uri, FailingLanguageDetector.POISON + " in Geneva", null);

        // When
        RecordMetadata poison = producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), uri, failing)).get();
        RecordMetadata good = producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), uri, articleJson(uri))).get();

        // Then: the article is dead-lettered unchanged, after the in-process retries
        ConsumerRecord<String, String> deadLetter = awaitRecord(DLQ, uri);
        assertThat(deadLetter.value()).isEqualTo(failing);
        assertDeadLetterOf(deadLetter, poison);
        assertThat(header(deadLetter, "x-exception-message")).contains(FailingLanguageDetector.FAILURE);
        assertThat(header(deadLetter, "x-exception-stacktrace"))
                .contains("Caused by: java.lang.IllegalStateException: " + FailingLanguageDetector.FAILURE);
        // And: the partition keeps flowing, and only the good article comes out enriched
        assertThat(good.partition()).isEqualTo(poison.partition());
        ConsumerRecord<String, String> enriched = awaitRecord(Topics.ENRICHED.name(), uri);
        assertThat(JSON.readTree(enriched.value()).at("/article/headline").asString()).isEqualTo("Talks in Geneva");
        assertThat(received).filteredOn(record -> record.topic().equals(Topics.ENRICHED.name())
                && uri.equals(record.key())).hasSize(1);
    }

    /**
     * What every dead letter of enrich must carry: the original record's key, where it was read
     * (topic, partition, offset: what a redrive needs), the stage that gave up, and the failure.
     */
    private static void assertDeadLetterOf(ConsumerRecord<String, String> deadLetter, RecordMetadata original) {
        assertThat(header(deadLetter, DeadLetterStage.HEADER)).isEqualTo("enrich");
        assertThat(header(deadLetter, "x-original-topic")).isEqualTo(Topics.ARTICLES.name());
        assertThat(ByteBuffer.wrap(rawHeader(deadLetter, "x-original-partition")).getInt())
                .isEqualTo(original.partition());
        assertThat(ByteBuffer.wrap(rawHeader(deadLetter, "x-original-offset")).getLong()).isEqualTo(original.offset());
        assertThat(ByteBuffer.wrap(rawHeader(deadLetter, "x-original-timestamp")).getLong())
                .isEqualTo(original.timestamp());
        // The binder names the exception it caught, the wrapper; the cause is in the message and stack trace.
        assertThat(header(deadLetter, "x-exception-fqcn")).isEqualTo("org.springframework.messaging.MessagingException");
        assertThat(deadLetter.partition()).isEqualTo(original.partition());
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-topic")).isNull();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(rawHeader(record, name), StandardCharsets.UTF_8);
    }

    private static byte[] rawHeader(ConsumerRecord<String, String> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name)).map(Header::value)
                .orElseThrow(() -> new AssertionError("no header " + name + " on " + record));
    }

    @Test
    void reportsHealthUpOnceTheArchiveAndTheClustersHaveCaughtUp() {
        await().atMost(TIMEOUT).untilAsserted(() -> web.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.archive.details.caughtUp").isEqualTo(true)
                .jsonPath("$.components.clusters.details.caughtUp").isEqualTo(true));
        web.get().uri("/actuator/health").exchange()
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
        return articleJson(uri, "Talks in Geneva", "en");
    }

    private static String articleJson(String uri, String headline, String language) {
        return """
                {"schemaVersion": 1, "eventId": "%s", "action": "PUBLISHED", "uri": "%s", "version": 1,
                 "headline": "%s",
                 "body": "Reuters reported that talks between Iran and the United Nations resumed.",
                 "source": "Partner Wire", "partnerId": "partner-1", "language": %s,
                 "firstCreated": "2026-03-02T09:00:00Z", "receivedAt": "2026-03-02T10:00:00Z"}
                """.formatted(UUID.randomUUID(), uri, headline, language == null ? "null" : '"' + language + '"');
    }

    /**
     * The real language detector, except that it fails on a poison headline: the article is valid,
     * its enrichment is not, as with a bug or a model that chokes on one text.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingLanguageDetector {

        static final String POISON = "Poison pill";
        static final String FAILURE = "language model failed on a poison pill";

        @Bean
        @Primary
        LanguageDetector failingOnPoisonLanguageDetector() {
            LanguageDetector real = new OpenNlpLanguageDetector();
            return text -> {
                if (text.startsWith(POISON)) {
                    throw new IllegalStateException(FAILURE);
                }
                return real.detect(text);
            };
        }
    }
}
