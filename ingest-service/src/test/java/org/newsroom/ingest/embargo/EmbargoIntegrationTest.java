package org.newsroom.ingest.embargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EmbargoedArticle;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.KafkaIntegrationTest;
import org.newsroom.ingest.TestPartners;
import org.newsroom.ingest.article.ArticlePublisher;
import org.newsroom.ingest.state.TopicConsumers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * A story under embargo is accepted at once but held on the embargo topic, where it survives any
 * restart, and reaches the article log only once its embargo has ended. The service's clock stands
 * still, so its own releaser never releases; a second releaser whose clock is past the embargo
 * stands for an ingest instance that starts after the embargo ended.
 */
class EmbargoIntegrationTest extends KafkaIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    private TopicConsumers consumers;

    @Autowired
    private ArticlePublisher publisher;

    @Autowired
    private ObservationRegistry observations;

    @Autowired
    private HeldEmbargoes heldEmbargoes;

    @Test
    void holdsAnEmbargoedStoryUntilItsTimeAndThenWritesItToTheLogOnce() {
        // Given a story under an embargo that ends in an hour
        String uri = "urn:newsroom:test:embargo:" + UUID.randomUUID();
        Instant embargoEnds = NOW.plus(Duration.ofHours(1));
        Map<String, Object> story = story(uri, "Quarterly results", "Profits rose.");
        story.put("embargoed", embargoEnds.toString());

        // When it is pushed in a trace of the partner's, then it is accepted as held, until the embargo's end
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        byte[] body = json.writeValueAsBytes(story);
        Map<String, Object> answer = client.post().uri("/v1/stories").contentType(MediaType.APPLICATION_JSON)
                .headers(TestPartners.signedByAgency(body))
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .bodyValue(body).exchange()
                .expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat(answer).containsEntry("status", "held").containsEntry("embargoedUntil", embargoEnds.toString());

        // And the hold is on the embargo topic, keyed by uri and version, and nothing is in the log
        List<ConsumerRecord<String, String>> holds = recordsSince(Topics.EMBARGOED, Map.of());
        EmbargoedArticle held = holds.stream().filter(record -> record.key().equals(uri + "#v1"))
                .map(record -> json.readValue(record.value(), EmbargoedArticle.class))
                .findFirst().orElseThrow();
        assertThat(held.releaseAt()).isEqualTo(embargoEnds);
        assertThat(held.article().eventId()).isEqualTo(answer.get("messageId"));
        assertThat(articlesOf(uri)).isEmpty();
        await().atMost(TIMEOUT).until(() -> heldEmbargoes.pendingOf(TestPartners.AGENCY)[0] > 0);
        long heldBefore = heldEmbargoes.pendingOf(TestPartners.AGENCY)[0];

        // And the same push again is a duplicate of it
        postJson(story).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("duplicate")
                .jsonPath("$.messageId").isEqualTo(answer.get("messageId"));

        // When an instance runs after the embargo has ended
        String laterGroup = "later-ingest-" + UUID.randomUUID();
        EmbargoReleaser later = new EmbargoReleaser(consumers.of(Topics.EMBARGOED, "later-releaser", laterGroup),
                laterGroup, heldEmbargoes, publisher, Clock.fixed(embargoEnds.plusSeconds(1), ZoneOffset.UTC), TIMEOUT, observations);
        later.start();
        try {
            // Then the held event is written to the log, unchanged, exactly once, in the push's trace
            await().atMost(TIMEOUT).until(() -> !articlesOf(uri).isEmpty());
            assertThat(articlesOf(uri)).singleElement().isEqualTo(held.article());
            ConsumerRecord<String, String> released = recordsSince(Topics.ARTICLES, Map.of()).stream()
                    .filter(record -> uri.equals(record.key())).findFirst().orElseThrow();
            assertThat(new String(released.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .startsWith("00-" + traceId + "-");

            // And the hold is ended with a tombstone
            await().atMost(TIMEOUT).until(() -> recordsSince(Topics.EMBARGOED, Map.of()).stream()
                    .anyMatch(record -> record.key().equals(uri + "#v1") && record.value() == null));
            // And once read back, the hold no longer counts against its partner
            await().atMost(TIMEOUT).until(() -> heldEmbargoes.pendingOf(TestPartners.AGENCY)[0] < heldBefore);
        }
        finally {
            later.stop();
        }
    }

    private List<ArticleEvent> articlesOf(String uri) {
        return recordsSince(Topics.ARTICLES, Map.of()).stream().filter(record -> uri.equals(record.key()))
                .map(record -> json.readValue(record.value(), ArticleEvent.class)).toList();
    }
}
