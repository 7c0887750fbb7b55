package org.newsroom.ingest.status;

import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Enrichment;
import org.newsroom.contract.PublishedArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.KafkaIntegrationTest;
import org.newsroom.ingest.TestPartners;
import org.newsroom.ingest.partner.PartnerAuthenticator;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A story's status follows it through the pipeline as the downstream services' events arrive on
 * their topics (produced here as enrich-service and publish-service write them).
 */
class StoryStatusIntegrationTest extends KafkaIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Test
    void followsAStoryFromAcceptedToEnrichedToPublished() {
        // Given a story the agency pushed
        String uri = "https://partner.example/stories/" + UUID.randomUUID();
        Map<String, Object> story = story(uri, "Headline", "Body");
        String messageId = (String) postJson(story).expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody().get("messageId");

        // Then it is accepted, and no further
        status(uri, TestPartners.AGENCY_KEY).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.uri").isEqualTo(uri)
                .jsonPath("$.articleId").isEqualTo(ArticleIds.fromUri(uri))
                .jsonPath("$.state").isEqualTo("accepted")
                .jsonPath("$.accepted.version").isEqualTo(1)
                .jsonPath("$.accepted.messageId").isEqualTo(messageId)
                .jsonPath("$.accepted.at").isEqualTo(NOW.toString())
                .jsonPath("$.enriched").isEmpty()
                .jsonPath("$.published").isEmpty();

        // When enrich-service writes its enriched event
        ArticleEvent article = new ArticleEvent(ArticleEvent.SCHEMA_VERSION, messageId, ArticleAction.PUBLISHED, uri,
                1, "Headline", "Body", "Agency", TestPartners.AGENCY, null, NOW, NOW, List.of());
        produce(Topics.ENRICHED, uri, json.writeValueAsString(new EnrichedArticleEvent(
                EnrichedArticleEvent.SCHEMA_VERSION, "e", article, new Enrichment("m", null, List.of(), List.of(),
                        List.of(), Instant.parse("2026-03-04T05:06:08Z")))));

        // Then it is enriched
        await().atMost(TIMEOUT).untilAsserted(() -> status(uri, TestPartners.AGENCY_KEY).expectBody()
                .jsonPath("$.state").isEqualTo("enriched")
                .jsonPath("$.enriched.version").isEqualTo(1)
                .jsonPath("$.enriched.at").isEqualTo("2026-03-04T05:06:08Z"));

        // When publish-service writes its receipt
        Instant publishedAt = Instant.parse("2026-03-04T05:06:09Z");
        produce(Topics.PUBLISHED, uri, json.writeValueAsString(new PublishedArticleEvent(
                PublishedArticleEvent.SCHEMA_VERSION, uri, 1, ArticleAction.PUBLISHED, ArticleIds.fromUri(uri), NOW,
                Instant.parse("2026-03-04T05:06:08Z"), publishedAt)));

        // Then it is published
        await().atMost(TIMEOUT).untilAsserted(() -> status(uri, TestPartners.AGENCY_KEY).expectBody()
                .jsonPath("$.state").isEqualTo("published")
                .jsonPath("$.published.version").isEqualTo(1)
                .jsonPath("$.published.at").isEqualTo(publishedAt.toString()));

        // And a new version starts over at accepted, while the older stages stay visible
        story.put("version", 2);
        postJson(story).expectStatus().isAccepted();
        status(uri, TestPartners.AGENCY_KEY).expectBody()
                .jsonPath("$.state").isEqualTo("accepted")
                .jsonPath("$.accepted.version").isEqualTo(2)
                .jsonPath("$.published.version").isEqualTo(1);
    }

    @Test
    void anotherPartnersOrAnUnknownStoryIsNotFoundAndAMissingKeyIsUnauthorized() {
        String uri = "urn:newsroom:test:" + UUID.randomUUID();
        postJson(story(uri, "Headline", "Body")).expectStatus().isAccepted();

        status(uri, TestPartners.WIRE_KEY).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Story not found")
                .jsonPath("$.uri").isEqualTo(uri);
        status("urn:newsroom:test:never-pushed", TestPartners.AGENCY_KEY).expectStatus().isNotFound();
        client.get().uri("/v1/stories/{uri}/status", uri).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** The uri as a URI template variable, so that its slashes and colons are percent-encoded. */
    private WebTestClient.ResponseSpec status(String uri, String apiKey) {
        // A loaded build machine can take longer than WebTestClient's default 5 s to answer.
        return client.mutate().responseTimeout(TIMEOUT).build().get().uri("/v1/stories/{uri}/status", uri)
                .header(PartnerAuthenticator.API_KEY_HEADER, apiKey)
                .exchange();
    }
}
