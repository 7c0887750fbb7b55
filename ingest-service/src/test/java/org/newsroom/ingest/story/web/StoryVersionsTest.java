package org.newsroom.ingest.story.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ProblemType;
import org.newsroom.contract.ArticleIds;
import org.newsroom.ingest.ClockConfiguration;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.ReadyArticleLedger;
import org.newsroom.ingest.TestPartners;
import org.newsroom.ingest.article.ArticlePublisher;
import org.newsroom.ingest.partner.PartnerAuthenticator;
import org.newsroom.ingest.partner.PartnerProperties;
import org.newsroom.ingest.partner.PartnerRateLimiter;
import org.newsroom.ingest.partner.ReplayGuard;
import org.newsroom.ingest.story.StoryIntake;
import org.newsroom.ingest.story.format.FeedStoryReader;
import org.newsroom.ingest.story.format.JsonStoryReader;
import org.newsroom.ingest.story.format.NinjsStoryReader;
import org.newsroom.ingest.story.format.PlainTextStoryReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

/** Idempotent pushes, monotonic versions, corrections, kills and the rate limit, as a partner sees them. */
@WebFluxTest(StoryController.class)
@Import({ StoryIntake.class, PartnerGate.class, StoryOutcomes.class, PartnerAuthenticator.class,
        ReplayGuard.class, PartnerRateLimiter.class, JsonStoryReader.class, PlainTextStoryReader.class, NinjsStoryReader.class, FeedStoryReader.class,
        StoryProblems.class, StoryMetrics.class, SimpleMeterRegistry.class, ReadyArticleLedger.class, ClockConfiguration.class })
@EnableConfigurationProperties({ IngestProperties.class, PartnerProperties.class })
@TestPropertySource(properties = { TestPartners.AGENCY_ID_PROPERTY, TestPartners.AGENCY_KEY_PROPERTY,
        TestPartners.AGENCY_SECRET_PROPERTY, "newsroom.ingest.partners[1].id=limited",
        "newsroom.ingest.partners[1].api-key=limited-key", "newsroom.ingest.partners[1].secret=limited-secret",
        "newsroom.ingest.partners[1].stories-per-minute=2", "newsroom.ingest.partners[2].id=other",
        "newsroom.ingest.partners[2].api-key=other-key", "newsroom.ingest.partners[2].secret=other-secret" })
class StoryVersionsTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    private WebTestClient client;

    @MockitoBean
    private ArticlePublisher publisher;

    private final String uri = "urn:newsroom:test:" + UUID.randomUUID();

    private WebTestClient.ResponseSpec push(@Nullable Integer version, String body) {
        return push(version, body, "");
    }

    /** @param extra more JSON members, each starting with a comma */
    private WebTestClient.ResponseSpec push(@Nullable Integer version, String body, String extra) {
        return push(version, body, extra, TestPartners.AGENCY_KEY, TestPartners.AGENCY_SECRET);
    }

    private WebTestClient.ResponseSpec push(@Nullable Integer version, String body, String extra, String apiKey,
            String secret) {
        String json = "{\"uri\": \"" + uri + "\"" + (version == null ? "" : ", \"version\": " + version) + extra
                + ", \"headline\": \"Headline\", \"body\": \"" + body + "\", \"source\": \"Agency\","
                + " \"firstCreated\": \"2026-01-02T03:04:05Z\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return client.post().uri("/v1/stories").contentType(MediaType.APPLICATION_JSON)
                .headers(TestPartners.signed(apiKey, secret, bytes)).bodyValue(bytes).exchange();
    }

    private Map<String, Object> answer(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status).expectBody(JSON_OBJECT).returnResult().getResponseBody();
    }

    private List<ArticleEvent> published(int times) {
        ArgumentCaptor<ArticleEvent> events = ArgumentCaptor.forClass(ArticleEvent.class);
        verify(publisher, times(times)).publish(events.capture());
        return events.getAllValues();
    }

    @Test
    void theSameVersionAgainIs200WithTheOriginalMessageIdAndWritesNothing() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        Map<String, Object> first = answer(push(1, "Body"), 202);

        Map<String, Object> again = answer(push(1, "Body"), 200);

        assertThat(again).isEqualTo(Map.of("messageId", first.get("messageId"), "articleId", ArticleIds.fromUri(uri),
                "uri", uri, "version", 1, "status", "duplicate"));
        assertThat(published(1)).extracting(ArticleEvent::eventId).containsExactly((String) first.get("messageId"));
    }

    @Test
    void anotherPartnerCanNeitherUpdateNorKillAStoryItDidNotSendFirst() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        answer(push(1, "Body"), 202);

        Map<String, Object> kill = answer(push(2, "Withdrawn", ", \"pubstatus\": \"canceled\"", "other-key",
                "other-secret"), 403);
        Map<String, Object> update = answer(push(null, "Someone else's words", "", "other-key", "other-secret"),
                403);

        assertThat(kill.get("type")).isEqualTo(ProblemType.STORY_OWNED_ELSEWHERE.uri().toString());
        assertThat(kill.get("detail")).asString().contains("belongs to another partner").doesNotContain(
                TestPartners.AGENCY);
        assertThat(update.get("type")).isEqualTo(kill.get("type"));
        assertThat(published(1)).extracting(ArticleEvent::action).containsExactly(ArticleAction.PUBLISHED);
        answer(push(2, "Withdrawn", ", \"pubstatus\": \"canceled\"", TestPartners.AGENCY_KEY,
                TestPartners.AGENCY_SECRET), 202);
    }

    @Test
    void aHigherVersionIsAnUpdateAndALowerOneA409() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        answer(push(2, "Body"), 202);
        answer(push(3, "Body, later"), 202);

        Map<String, Object> problem = push(1, "Body, older").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem).isEqualTo(Map.of("type", "https://newsroom.example/problems/stale-version", "title", "Conflict", "status", 409, "instance", "/v1/stories",
                "detail", "Story " + uri + " version 1 is not newer than the stored version 3"));
        assertThat(published(2)).extracting(ArticleEvent::version, ArticleEvent::action).containsExactly(
                tuple(2L, ArticleAction.PUBLISHED),
                tuple(3L, ArticleAction.UPDATED));
    }

    @Test
    void aCorrectionFlagCorrectsAndACanceledOrWithheldPubstatusKills() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        answer(push(1, "Body"), 202);
        answer(push(2, "Body, corrected", ", \"correction\": true"), 202);
        answer(push(3, "Body, corrected", ", \"pubstatus\": \" Withheld \""), 202);
        answer(push(4, "Body, corrected", ", \"pubstatus\": \"canceled\", \"correction\": true"), 202);

        assertThat(published(4)).extracting(ArticleEvent::version, ArticleEvent::action).containsExactly(
                tuple(1L, ArticleAction.PUBLISHED), tuple(2L, ArticleAction.CORRECTED),
                tuple(3L, ArticleAction.KILLED), tuple(4L, ArticleAction.KILLED));
    }

    @Test
    void aPartnerOverItsRateGets429WithRetryAfterAndNothingIsRead() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        byte[] notEvenJson = "x".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            client.post().uri("/v1/stories").contentType(MediaType.APPLICATION_JSON)
                    .headers(TestPartners.signed("limited-key", "limited-secret", notEvenJson)).bodyValue(notEvenJson)
                    .exchange().expectStatus().isBadRequest();
        }

        Map<String, Object> problem = client.post().uri("/v1/stories").contentType(MediaType.APPLICATION_JSON)
                .headers(TestPartners.signed("limited-key", "limited-secret", notEvenJson)).bodyValue(notEvenJson)
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem.get("detail").toString())
                .matches("Partner limited may send 2 stories per minute; retry after \\d+ seconds");
        answer(push(1, "Other partners are not limited"), 202);
    }

    @Test
    void aBatchCountsEveryLineAgainstTheRateAndIsRefusedWhole() {
        byte[] threeLines = "{}\n{}\n{}\n".getBytes(StandardCharsets.UTF_8);

        Map<String, Object> problem = client.post().uri("/v1/stories").contentType(MediaType.parseMediaType(
                "application/x-ndjson")).headers(TestPartners.signed("limited-key", "limited-secret", threeLines))
                .bodyValue(threeLines).exchange().expectStatus().isEqualTo(429)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem.get("detail").toString()).isEqualTo("Partner limited may send 2 stories per minute, and "
                + "this request holds 3; split it into smaller batches");
        verifyNoInteractions(publisher);
    }

    @Test
    void anUnknownPubstatusIsInvalid() {
        push(1, "Body", ", \"pubstatus\": \"embargoed\"").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Invalid story: pubstatus must be usable, canceled or withheld");
    }

    @Test
    void withoutAVersionIdenticalContentIsDeduplicatedAndChangedContentIsTheNextVersion() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        Map<String, Object> first = answer(push(null, "Body"), 202);

        assertThat(answer(push(null, "Body  "), 200)).containsEntry("messageId", first.get("messageId"));
        assertThat(answer(push(null, "Body, corrected"), 202)).containsEntry("version", 2);
        assertThat(published(2)).extracting(ArticleEvent::action)
                .containsExactly(ArticleAction.PUBLISHED, ArticleAction.UPDATED);
    }
}
