package org.newsroom.ingest.story.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.ProblemType;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.ReadyArticleLedger;
import org.newsroom.ingest.TestPartners;
import org.newsroom.ingest.article.ArticleNotWrittenException;
import org.newsroom.ingest.article.ArticlePublisher;
import org.newsroom.ingest.article.ArticleTooLargeException;
import org.newsroom.ingest.embargo.HoldsExceededException;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

@WebFluxTest(StoryController.class)
@Import({ StoryIntake.class, PartnerGate.class, StoryOutcomes.class, PartnerAuthenticator.class,
        ReplayGuard.class, PartnerRateLimiter.class, JsonStoryReader.class, PlainTextStoryReader.class, NinjsStoryReader.class, FeedStoryReader.class,
        StoryProblems.class, StoryMetrics.class, SimpleMeterRegistry.class, ReadyArticleLedger.class })
@EnableConfigurationProperties({ IngestProperties.class, PartnerProperties.class })
@TestPropertySource(properties = { "newsroom.ingest.max-body-chars=50", "newsroom.ingest.max-request-size=1KB",
        "newsroom.ingest.retry-after=7s", TestPartners.AGENCY_ID_PROPERTY, TestPartners.AGENCY_KEY_PROPERTY,
        TestPartners.AGENCY_SECRET_PROPERTY })
class StoryControllerTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private static final String VALID_STORY = """
            {"uri": "https://partner.example/stories/42", "version": 2, "headline": " Markets\\n rally ",
             "body": "Stocks rose.\\r\\n\\r\\n\\r\\nBonds fell. ", "source": "Example Agency",
             "firstCreated": "2026-01-02T03:04:05Z", "language": "en-gb"}
            """;

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    private WebTestClient client;

    @MockitoBean
    private ArticlePublisher publisher;

    @Autowired
    private MeterRegistry meters;

    private WebTestClient.ResponseSpec post(MediaType contentType, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return client.post().uri("/v1/stories").contentType(contentType).headers(TestPartners.signedByAgency(body))
                .bodyValue(body).exchange();
    }

    @Test
    void acceptsAValidStoryOnceItIsPublished() {
        when(publisher.publish(any())).thenReturn(Mono.empty());

        Map<String, Object> response = post(MediaType.APPLICATION_JSON, VALID_STORY)
                .expectStatus().isAccepted()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        ArgumentCaptor<ArticleEvent> published = ArgumentCaptor.forClass(ArticleEvent.class);
        verify(publisher).publish(published.capture());
        ArticleEvent event = published.getValue();
        assertThat(event).isEqualTo(new ArticleEvent(ArticleEvent.SCHEMA_VERSION, event.eventId(), ArticleAction.PUBLISHED,
                "https://partner.example/stories/42", 2, "Markets rally", "Stocks rose.\n\nBonds fell.", "Example Agency",
                TestPartners.AGENCY, "en-GB", Instant.parse("2026-01-02T03:04:05Z"), NOW, List.of()));
        assertThat(event.eventId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response).isEqualTo(Map.of("messageId", event.eventId(),
                "articleId", ArticleIds.fromUri("https://partner.example/stories/42"),
                "uri", "https://partner.example/stories/42", "version", 2, "status", "accepted"));
    }

    static Stream<Arguments> clientMistakes() {
        return Stream.of(
                Arguments.of("missing and invalid fields", """
                        {"uri": "stories/42", "headline": "  ", "source": "Example Agency",
                         "firstCreated": "2026-01-02T03:04:05Z", "language": "en_GB"}""", 400,
                        "Invalid story: uri must be an absolute http(s) URL or a urn: URI; headline must not be blank; "
                                + "body is required; language must be a BCP 47 language tag such as en or en-GB",
                        List.of(error("uri", "must be an absolute http(s) URL or a urn: URI"),
                                error("headline", "must not be blank"), error("body", "is required"),
                                error("language", "must be a BCP 47 language tag such as en or en-GB"))),
                Arguments.of("firstCreated not an instant", VALID_STORY.replace("2026-01-02T03:04:05Z", "yesterday"), 400,
                        "Invalid story: firstCreated must be an ISO-8601 instant such as 2026-01-02T03:04:05Z",
                        List.of(error("firstCreated", "must be an ISO-8601 instant such as 2026-01-02T03:04:05Z"))),
                Arguments.of("a misspelled embargo", VALID_STORY.replace("\"en-gb\"",
                        "\"en-gb\", \"embargo\": \"2027-01-01T00:00:00Z\""), 400,
                        "Invalid story: embargo is not a field of a story",
                        List.of(error("embargo", "is not a field of a story"))),
                Arguments.of("version past the bound", VALID_STORY.replace("\"version\": 2",
                        "\"version\": 9223372036854775807"), 400,
                        "Invalid story: version must be at most 9007199254740991",
                        List.of(error("version", "must be at most 9007199254740991"))),
                Arguments.of("firstCreated in the year 1,000,000,000", VALID_STORY.replace("2026-01-02T03:04:05Z",
                        "+1000000000-01-01T00:00:00Z"), 400,
                        "Invalid story: firstCreated must lie between the years 0001 and 9999",
                        List.of(error("firstCreated", "must lie between the years 0001 and 9999"))),
                Arguments.of("embargo in the year -1,000,000,000", VALID_STORY.replace("\"en-gb\"",
                        "\"en-gb\", \"embargoed\": \"-1000000000-01-01T00:00:00Z\""), 400,
                        "Invalid story: embargoed must lie between the years 0001 and 9999",
                        List.of(error("embargoed", "must lie between the years 0001 and 9999"))),
                Arguments.of("firstCreated beyond the clock's skew", VALID_STORY.replace("2026-01-02T03:04:05Z",
                        "2026-03-04T05:11:08Z"), 400,
                        "Invalid story: firstCreated must not lie more than PT5M ahead of the newsroom's clock",
                        List.of(error("firstCreated", "must not lie more than PT5M ahead of the newsroom's clock"))),
                Arguments.of("version not a number", VALID_STORY.replace("\"version\": 2", "\"version\": \"x\""), 400,
                        "Invalid story: version must be an integer", List.of(error("version", "must be an integer"))),
                Arguments.of("headline not a string", VALID_STORY.replace("\" Markets\\n rally \"", "{\"text\": \"x\"}"), 400,
                        "Invalid story: headline must be a string", List.of(error("headline", "must be a string"))),
                Arguments.of("malformed JSON", "{\"uri\": \"urn:newsroom:1\"\n \"headline\": \"x\"}", 400,
                        "Malformed JSON at line 2, column 2: Unexpected character ('\"' (code 34)): "
                                + "was expecting comma to separate Object entries", null),
                Arguments.of("no body", "", 400, "Request body is missing", null),
                Arguments.of("not a JSON object", "[\"urn:newsroom:1\"]", 400, "Request body must be a JSON object", null),
                Arguments.of("body longer than the limit", VALID_STORY.replace("Bonds fell. ", "b".repeat(51)), 413,
                        "Story too large: body must be at most 50 characters",
                        List.of(error("body", "must be at most 50 characters"))),
                Arguments.of("request larger than the limit", VALID_STORY.replace("Bonds fell. ", "b".repeat(1024)), 413,
                        "Request body is larger than 1024 bytes", null));
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientMistakes")
    void answersClientMistakesWithAProblemNamingTheCause(String mistake, String json, int status, String detail,
            @Nullable List<Map<String, String>> errors) {
        Map<String, Object> problem = post(MediaType.APPLICATION_JSON, json)
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        Map<String, Object> expected = new HashMap<>(Map.of("title", HttpStatus.valueOf(status).getReasonPhrase(),
                "status", status, "detail", detail, "instance", "/v1/stories"));
        if (errors != null) {
            expected.put("errors", errors);
        }
        expected.put("type", "https://newsroom.example/problems/"
                + (status == 413 ? "too-large" : errors != null ? "invalid-story" : "malformed-body"));
        assertThat(problem).isEqualTo(expected);
        verify(publisher, never()).publish(any());
    }

    @Test
    void answersAnUnsupportedContentTypeWith415() {
        Map<String, Object> problem = post(MediaType.APPLICATION_PDF, VALID_STORY)
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem).containsEntry("type", "https://newsroom.example/problems/unsupported-media-type")
                .containsEntry("title", "Unsupported Media Type")
                .containsEntry("detail", "Content-Type 'application/pdf' is not supported.");
        verify(publisher, never()).publish(any());
    }

    @Test
    void answersAnUnwrittenStoryWith503AndRetryAfter() {
        when(publisher.publish(any())).thenReturn(Mono.error(
                new ArticleNotWrittenException("https://partner.example/stories/43", new IllegalStateException("down"))));

        Map<String, Object> problem = post(MediaType.APPLICATION_JSON, VALID_STORY.replace("stories/42", "stories/43"))
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem).isEqualTo(Map.of("type", "https://newsroom.example/problems/not-written", "title", "Service Unavailable", "status", 503,
                "detail", "The story could not be written and was not accepted; retry after 7 seconds",
                "instance", "/v1/stories"));
    }

    @Test
    void answersAStoryTheLogRefusesForItsSizeWith413() {
        when(publisher.publish(any())).thenReturn(Mono.error(
                new ArticleTooLargeException("https://partner.example/stories/44", new IllegalStateException("big"))));

        post(MediaType.APPLICATION_JSON, VALID_STORY.replace("stories/42", "stories/44"))
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("Story is too large for the article log");
    }

    @Test
    void answersAHoldPastThePartnersLimitWith429TooManyHolds() {
        when(publisher.hold(any())).thenReturn(Mono.error(new HoldsExceededException(
                "Partner 'test-agency' already holds 2 stories under embargo, its limit; send this one again once some are released")));

        Map<String, Object> problem = post(MediaType.APPLICATION_JSON, VALID_STORY.replace("stories/42", "stories/45")
                .replace("\"en-gb\"", "\"en-gb\", \"embargoed\": \"2026-03-05T00:00:00Z\""))
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem).containsEntry("type", ProblemType.TOO_MANY_HOLDS.uri().toString())
                .containsEntry("title", "Too many held stories")
                .containsEntry("detail", "Partner 'test-agency' already holds 2 stories under embargo, its limit; "
                        + "send this one again once some are released");
    }

    @Test
    void countsEachRefusedFieldWithOneTagForFieldsAStoryDoesNotHave() {
        double unknownBefore = refusedFields("(unknown)");
        double versionBefore = refusedFields("version");

        post(MediaType.APPLICATION_JSON, VALID_STORY.replace("\"version\": 2", "\"version\": 9007199254740992"))
                .expectStatus().isBadRequest();
        post(MediaType.APPLICATION_JSON, VALID_STORY.replace("\"en-gb\"", "\"en-gb\", \"embargo\": \"x\""))
                .expectStatus().isBadRequest();

        assertThat(refusedFields("version")).isEqualTo(versionBefore + 1);
        assertThat(refusedFields("(unknown)")).isEqualTo(unknownBefore + 1);
        assertThat(meters.find(StoryMetrics.FIELDS_REFUSED).tag("field", "embargo").counter()).isNull();
    }

    private double refusedFields(String field) {
        Counter counter = meters.find(StoryMetrics.FIELDS_REFUSED).tag("field", field).counter();
        return counter == null ? 0 : counter.count();
    }
}
