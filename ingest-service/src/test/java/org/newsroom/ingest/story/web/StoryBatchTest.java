package org.newsroom.ingest.story.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.ReadyArticleLedger;
import org.newsroom.ingest.TestPartners;
import org.newsroom.ingest.article.ArticleNotWrittenException;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

/** NDJSON batches: one signature for the body, one result per line, one bad line never spoils the rest. */
@WebFluxTest(StoryController.class)
@Import({ StoryIntake.class, PartnerGate.class, StoryOutcomes.class, PartnerAuthenticator.class,
        ReplayGuard.class, PartnerRateLimiter.class, JsonStoryReader.class, PlainTextStoryReader.class, NinjsStoryReader.class, FeedStoryReader.class,
        StoryProblems.class, StoryMetrics.class, SimpleMeterRegistry.class, ReadyArticleLedger.class })
@EnableConfigurationProperties({ IngestProperties.class, PartnerProperties.class })
@TestPropertySource(properties = { TestPartners.AGENCY_ID_PROPERTY, TestPartners.AGENCY_KEY_PROPERTY,
        TestPartners.AGENCY_SECRET_PROPERTY, "newsroom.ingest.retry-after=4s" })
class StoryBatchTest {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
    };

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    private WebTestClient client;

    @MockitoBean
    private ArticlePublisher publisher;

    @Autowired
    private MeterRegistry meters;

    private static String story(String uri, String headline) {
        return "{\"uri\": \"" + uri + "\", \"headline\": \"" + headline + "\", \"body\": \"Body \u00e9\", "
                + "\"source\": \"Example Agency\", \"firstCreated\": \"2026-01-02T03:04:05Z\"}";
    }

    private WebTestClient.ResponseSpec post(byte[] body) {
        return client.post().uri("/v1/stories").contentType(NDJSON).headers(TestPartners.signedByAgency(body))
                .bodyValue(body).exchange();
    }

    @Test
    void answersEveryLineOnItsOwnAndWritesOnlyTheGoodOnesInOrder() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        String batch = story("urn:newsroom:batch:1", "First") + "\r\n"
                + "{\"uri\": \"urn:newsroom:batch:2\",\n"
                + "\r\n"
                + story("urn:newsroom:batch:3", " ") + "\n"
                + story("urn:newsroom:batch:4", "Fourth") + "\n";

        List<Map<String, Object>> results = post(batch.getBytes(StandardCharsets.UTF_8))
                .expectStatus().isEqualTo(207)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(JSON_ARRAY).returnResult().getResponseBody();

        ArgumentCaptor<ArticleEvent> events = ArgumentCaptor.forClass(ArticleEvent.class);
        verify(publisher, times(2)).publish(events.capture());
        List<ArticleEvent> written = events.getAllValues();
        assertThat(written).extracting(ArticleEvent::uri).containsExactly("urn:newsroom:batch:1", "urn:newsroom:batch:4");
        assertThat(written).extracting(ArticleEvent::partnerId).containsOnly(TestPartners.AGENCY);
        assertThat(results).containsExactly(
                Map.of("line", 1, "status", 202, "messageId", written.get(0).eventId(),
                        "articleId", ArticleIds.fromUri("urn:newsroom:batch:1"), "uri", "urn:newsroom:batch:1",
                        "version", 1),
                Map.of("line", 2, "status", 400, "problem", Map.of("type", "https://newsroom.example/problems/malformed-body",
                        "title", "Bad Request", "status", 400, "detail", "Malformed JSON at line 1, column 32: Unexpected end-of-input within/between "
                                + "Object entries")),
                Map.of("line", 4, "status", 400, "problem", Map.of("type", "https://newsroom.example/problems/invalid-story",
                        "title", "Bad Request", "status", 400, "detail", "Invalid story: headline must not be blank",
                        "errors", List.of(Map.of("field", "headline", "message", "must not be blank")))),
                Map.of("line", 5, "status", 202, "messageId", written.get(1).eventId(),
                        "articleId", ArticleIds.fromUri("urn:newsroom:batch:4"), "uri", "urn:newsroom:batch:4",
                        "version", 1));
    }

    @Test
    void countsEveryLineOnItsOwn() {
        // Given the counters as they are now (the tests of this class share one registry)
        when(publisher.publish(any())).thenReturn(Mono.empty());
        double accepted = count(StoryMetrics.ACCEPTED, "format", "ndjson", "status", "accepted");
        double rejected = count(StoryMetrics.REJECTED, "reason", "Bad Request");
        String batch = story("urn:newsroom:batch:counted-1", "First") + "\n"
                + story("urn:newsroom:batch:counted-2", " ") + "\n"
                + story("urn:newsroom:batch:counted-3", "Third");

        // When
        post(batch.getBytes(StandardCharsets.UTF_8)).expectStatus().isEqualTo(207);

        // Then two lines are counted as accepted, one as refused; the 207 itself is no refusal
        assertThat(count(StoryMetrics.ACCEPTED, "format", "ndjson", "status", "accepted")).isEqualTo(accepted + 2);
        assertThat(count(StoryMetrics.REJECTED, "reason", "Bad Request")).isEqualTo(rejected + 1);
    }

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aLineTheLogDidNotConfirmIs503WhileTheOthersAreAccepted() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        when(publisher.publish(argThat(event -> event != null && event.uri().endsWith(":down"))))
                .thenReturn(Mono.error(new ArticleNotWrittenException("urn:newsroom:batch:down", new IllegalStateException())));
        String batch = story("urn:newsroom:batch:down", "Lost") + "\n" + story("urn:newsroom:batch:up", "Kept");

        List<Map<String, Object>> results = post(batch.getBytes(StandardCharsets.UTF_8))
                .expectStatus().isEqualTo(207)
                .expectBody(JSON_ARRAY).returnResult().getResponseBody();

        assertThat(results).extracting(result -> result.get("status")).containsExactly(503, 202);
        assertThat(results.get(0).get("problem")).isEqualTo(Map.of("type", "https://newsroom.example/problems/not-written", "title", "Service Unavailable", "status", 503,
                "detail", "The story could not be written and was not accepted; retry after 4 seconds"));
    }

    @Test
    void theSignatureCoversTheWholeBatch() {
        byte[] signed = (story("urn:newsroom:batch:a", "A") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] sent = (story("urn:newsroom:batch:a", "A") + "\n" + story("urn:newsroom:batch:b", "B"))
                .getBytes(StandardCharsets.UTF_8);

        client.post().uri("/v1/stories").contentType(NDJSON).headers(TestPartners.signedByAgency(signed))
                .bodyValue(sent).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        verify(publisher, never()).publish(any());
    }

    @Test
    void aBatchOfBlankLinesIsMissingItsBody() {
        post("\n \r\n\t\n".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Request body is missing");
        verify(publisher, never()).publish(any());
    }
}
