package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.Topics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;


/**
 * The whole service against a real (embedded) Kafka broker: what a partner posts is what the log
 * holds, and what the log holds is what a restarted instance knows.
 */
class StoryIngestIntegrationTest extends KafkaIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Test
    void writesThePartnerSampleToTheArticleLogBeforeAnswering202() throws IOException {
        String[] sample = readSample().split("\n", 2);
        String uri = "https://partner.example/stories/deepmind-a24/" + UUID.randomUUID();
        Map<String, Object> story = story(uri, sample[0], sample[1].replace("\n", "\r\n") + "\r\n");
        story.put("version", 1);
        story.put("language", "en");

        Map<String, Object> response = postJson(story).expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(response).containsOnlyKeys("messageId", "articleId", "uri", "version", "status")
                .containsEntry("articleId", ArticleIds.fromUri(uri))
                .containsEntry("uri", uri)
                .containsEntry("version", 1)
                .containsEntry("status", "accepted");
        ConsumerRecord<String, String> record = readOnlyRecordOf(uri);
        // Plain JSON: no type headers, only the trace context of the push.
        assertThat(record.headers().toArray()).extracting(Header::key).containsExactly("traceparent");
        assertThat(record.value()).contains("\"firstCreated\":\"2026-01-02T03:04:05Z\"");
        assertThat(json.readValue(record.value(), ArticleEvent.class)).isEqualTo(new ArticleEvent(
                ArticleEvent.SCHEMA_VERSION, (String) response.get("messageId"), ArticleAction.PUBLISHED, uri, 1,
                "Google DeepMind and A24 Form Unprecedented AI-Film Partnership", sample[1], "Yahoo Finance",
                TestPartners.AGENCY, "en", Instant.parse("2026-01-02T03:04:05Z"), NOW, List.of()));
    }

    @Test
    void writesNothingForARejectedStory() {
        String uri = "urn:newsroom:test:" + UUID.randomUUID();
        byte[] unsigned = json.writeValueAsBytes(story(uri, "Unsigned", "Body"));

        client.post().uri("/v1/stories").contentType(MediaType.APPLICATION_JSON)
                .headers(TestPartners.signedByAgency(unsigned.length + " bytes")).bodyValue(unsigned).exchange()
                .expectStatus().isUnauthorized();
        postJson(story(uri, " ", "Body")).expectStatus().isBadRequest();
        String acceptedId = postJson(story(uri, "Headline", "Body")).expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody().get("messageId").toString();

        // Same uri, same partition: had a rejected story been written, it would come first.
        assertThat(json.readValue(readOnlyRecordOf(uri).value(), ArticleEvent.class).eventId()).isEqualTo(acceptedId);
    }

    @Test
    void writesAStoryWithTheLargestBodyAllowed() throws IOException {
        String uri = "urn:newsroom:test:" + UUID.randomUUID();
        String paragraph = readSample().replace("\n", " ") + "\n\n";
        String body = paragraph.repeat(1_048_576 / paragraph.length() + 1).substring(0, 1_048_576 - 1) + "x";

        postJson(story(uri, "Largest story", body)).expectStatus().isAccepted();

        assertThat(json.readValue(readOnlyRecordOf(uri).value(), ArticleEvent.class).body()).isEqualTo(body);
    }

    /** A second instance, started after the first wrote, knows the story from the log alone. */
    @Test
    void aNewInstanceAnswersAKnownVersionWith200AndTheOriginalMessageId() {
        String uri = "urn:newsroom:test:" + UUID.randomUUID();
        Map<String, Object> story = story(uri, "Headline", "Body");
        story.put("version", 4);
        Object messageId = postJson(story).expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody().get("messageId");

        // Command-line arguments, not builder properties: those are defaults, which application.yml's
        // server.port (8081) would override, and 8081 may be a running ./newsroom's ingest.
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(IngestApplication.class)
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--" + TestPartners.AGENCY_ID_PROPERTY, "--" + TestPartners.AGENCY_KEY_PROPERTY,
                        "--" + TestPartners.AGENCY_SECRET_PROPERTY)) {
            WebTestClient other = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + restarted.getEnvironment().getProperty("local.server.port")).build();
            await().atMost(Duration.ofSeconds(30)).until(() -> other.get().uri("/actuator/health/readiness").exchange()
                    .returnResult(String.class).getStatus().value() == 200);

            Map<String, Object> again = postJson(other, story).expectStatus().isOk()
                    .expectBody(JSON_OBJECT).returnResult().getResponseBody();
            story.put("version", 3);
            postJson(other, story).expectStatus().isEqualTo(409);

            assertThat(again).isEqualTo(Map.of("messageId", messageId, "articleId", ArticleIds.fromUri(uri), "uri", uri,
                    "version", 4, "status", "duplicate"));
        }
        assertThat(json.readValue(readOnlyRecordOf(uri).value(), ArticleEvent.class).eventId()).isEqualTo(messageId);
    }

    private static String readSample() throws IOException {
        try (InputStream in = StoryIngestIntegrationTest.class.getResourceAsStream("/samples/partner-story-deepmind-a24.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Reads the topic from the beginning until the record keyed {@code uri} shows up; fails if there are more. */
    private ConsumerRecord<String, String> readOnlyRecordOf(String uri) {
        try (Consumer<String, String> consumer = logConsumer()) {
            List<TopicPartition> partitions = partitions(consumer, Topics.ARTICLES);
            assertThat(partitions).hasSize(Topics.ARTICLES.partitions());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (uri.equals(record.key())) {
                        records.add(record);
                    }
                });
                return !records.isEmpty() && endReached(consumer, partitions);
            });
            assertThat(records).hasSize(1);
            return records.get(0);
        }
    }

    private static boolean endReached(Consumer<String, String> consumer, List<TopicPartition> partitions) {
        return consumer.endOffsets(partitions).entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
