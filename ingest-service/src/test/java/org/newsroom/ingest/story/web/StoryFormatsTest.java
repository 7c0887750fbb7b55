package org.newsroom.ingest.story.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
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
import org.newsroom.ingest.story.format.NinjsStoryReaderTest;
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

/** ninjs, RSS, Atom and HTML bodies over HTTP: the same intake, answers and problems as native JSON. */
@WebFluxTest(StoryController.class)
@Import({ StoryIntake.class, PartnerGate.class, StoryOutcomes.class, PartnerAuthenticator.class,
        ReplayGuard.class, PartnerRateLimiter.class, JsonStoryReader.class, PlainTextStoryReader.class, NinjsStoryReader.class, FeedStoryReader.class, StoryProblems.class,
        StoryMetrics.class, SimpleMeterRegistry.class, ReadyArticleLedger.class, ClockConfiguration.class })
@EnableConfigurationProperties({ IngestProperties.class, PartnerProperties.class })
@TestPropertySource(properties = { TestPartners.AGENCY_ID_PROPERTY, TestPartners.AGENCY_KEY_PROPERTY,
        TestPartners.AGENCY_SECRET_PROPERTY })
class StoryFormatsTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
    };

    @Autowired
    private WebTestClient client;

    @MockitoBean
    private ArticlePublisher publisher;

    private final String uri = "urn:newsroom:formats:" + UUID.randomUUID();

    private WebTestClient.ResponseSpec post(String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return client.post().uri("/v1/stories").contentType(MediaType.parseMediaType(contentType))
                .headers(TestPartners.signedByAgency(bytes)).bodyValue(bytes).exchange();
    }

    private List<ArticleEvent> published(int times) {
        ArgumentCaptor<ArticleEvent> events = ArgumentCaptor.forClass(ArticleEvent.class);
        verify(publisher, times(times)).publish(events.capture());
        return events.getAllValues();
    }

    private String ninjs(String pubstatus, String version) {
        return """
                {"uri": "%s", "version": "%s", "pubstatus": "%s", "headlines": [{"value": "Headline"}],
                 "bodies": [{"contenttype": "text/plain", "value": "Body"}], "infosources": [{"name": "Wire"}],
                 "firstcreated": "2026-03-01T00:00:00Z"}""".formatted(uri, version, pubstatus);
    }

    @Test
    void aNinjsItemIsWrittenAsTheArticleEventEnrichmentReads() throws IOException {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        String item = NinjsStoryReaderTest.resource("ninjs-wire-story.json");

        for (String mediaType : List.of("application/ninjs+json", "application/vnd.iptc.ninjs+json; charset=utf-8")) {
            post(mediaType, item).expectStatus().value(status -> assertThat(status).isIn(200, 202));
        }

        ArticleEvent event = published(1).get(0);
        assertThat(event.uri()).isEqualTo("urn:newsml:wire.example.com:20260302:ECB-RATES-7Q3");
        assertThat(event.version()).isEqualTo(3);
        assertThat(event.headline()).isEqualTo("ECB holds rates steady as Lagarde flags \"patient\" approach");
        assertThat(event.body()).startsWith("FRANKFURT (Wire) \u2013 The European Central Bank")
                .endsWith("Read the full statement or the ECB press page.")
                .doesNotContain("<", "document.cookie", "alert", "display:none");
        assertThat(event.source()).isEqualTo("Wire Services");
        assertThat(event.language()).isEqualTo("en-GB");
        assertThat(event.firstCreated()).isEqualTo(Instant.parse("2026-03-02T06:15:00Z"));
    }

    @Test
    void aCanceledNinjsItemKillsTheArticleLikeANativeOne() {
        when(publisher.publish(any())).thenReturn(Mono.empty());

        post("application/ninjs+json", ninjs("usable", "1")).expectStatus().isAccepted();
        post("application/ninjs+json", ninjs("withheld", "2")).expectStatus().isAccepted();
        post("application/ninjs+json", ninjs("withheld", "2")).expectStatus().isOk();
        post("application/ninjs+json", ninjs("usable", "1")).expectStatus().isEqualTo(409);

        assertThat(published(2)).extracting(ArticleEvent::version, ArticleEvent::action)
                .containsExactly(tuple(1L, ArticleAction.PUBLISHED), tuple(2L, ArticleAction.KILLED));
    }

    @Test
    void aBadNinjsItemIsAProblemNamingEveryFieldByPointer() {
        Map<String, Object> problem = post("application/ninjs+json", """
                {"uri": "%s", "version": "one", "headlines": [{"value": " "}], "bodies": [{"value": "Body"}],
                 "urgency": 0, "infosources": [{"name": "Wire"}]}""".formatted(uri))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem).containsEntry("detail", "Invalid story: /version must be a string of digits, such as \"2\"; "
                + "/urgency must be an integer from 1 to 9; /headlines/0/value must not be blank; /firstcreated is required");
        assertThat(problem.get("errors")).isEqualTo(List.of(
                Map.of("field", "version", "pointer", "/version", "message", "must be a string of digits, such as \"2\""),
                Map.of("field", "urgency", "pointer", "/urgency", "message", "must be an integer from 1 to 9"),
                Map.of("field", "headlines", "pointer", "/headlines/0/value", "message", "must not be blank"),
                Map.of("field", "firstcreated", "pointer", "/firstcreated", "message", "is required")));
        verify(publisher, never()).publish(any());
    }

    @Test
    void aStoryViolationOfAWellFormedNinjsItemIsLocatedToo() {
        Map<String, Object> problem = post("application/ninjs+json", """
                {"uri": "ftp://wire.example/1", "headlines": [{"value": "Headline"}], "bodies": [{"value": "Body"}],
                 "infosources": [{"name": "Wire"}], "firstcreated": "2026-03-01T00:00:00Z"}""")
                .expectStatus().isBadRequest()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "uri", "pointer", "/uri",
                "message", "must be an absolute http(s) URL or a urn: URI")));
    }

    @Test
    void aFeedIsAnsweredPerItemAndABadItemKeepsNoOtherOut() throws IOException {
        when(publisher.publish(any())).thenReturn(Mono.empty());

        List<Map<String, Object>> results = post("application/rss+xml", NinjsStoryReaderTest.resource("rss-partner-feed.xml"))
                .expectStatus().isEqualTo(207)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(JSON_ARRAY).returnResult().getResponseBody();

        assertThat(results).extracting(result -> result.get("line"), result -> result.get("status"), result -> result.get("uri"))
                .containsExactly(tuple(1, 202, "https://gazette.example/2026/03/03/council-bridge"),
                        tuple(2, 202, "https://gazette.example/2026/03/02/school-board"),
                        tuple(3, 400, null));
        assertThat(results.get(2).get("problem")).isEqualTo(Map.of("type", "https://newsroom.example/problems/invalid-story",
                "title", "Bad Request", "status", 400,
                "detail", "Invalid story: pubDate must be an RFC 822 date such as Tue, 03 Mar 2026 10:00:00 GMT",
                "errors", List.of(Map.of("field", "pubDate",
                        "message", "must be an RFC 822 date such as Tue, 03 Mar 2026 10:00:00 GMT"))));
        assertThat(published(2)).extracting(ArticleEvent::body).allSatisfy(
                body -> assertThat(body).doesNotContain("<", "alert", "javascript"));
    }

    @Test
    void anAtomFeedSentAsPlainXmlIsRecognizedByItsRootAndItsStoryErrorsNameAtomElements() throws IOException {
        when(publisher.publish(any())).thenReturn(Mono.empty());

        List<Map<String, Object>> results = post("text/xml", NinjsStoryReaderTest.resource("atom-partner-feed.xml"))
                .expectStatus().isEqualTo(207)
                .expectBody(JSON_ARRAY).returnResult().getResponseBody();

        assertThat(results).extracting(result -> result.get("status")).containsExactly(202, 202, 400);
        assertThat(results.get(2).get("problem")).isEqualTo(Map.of("type", "https://newsroom.example/problems/invalid-story",
                "title", "Bad Request", "status", 400,
                "detail", "Invalid story: summary is required",
                "errors", List.of(Map.of("field", "summary", "message", "is required"))));
        assertThat(published(2)).extracting(ArticleEvent::source, ArticleEvent::language)
                .containsExactly(tuple("Nordwind Nachrichten", "de"), tuple("Baltic Wire", "en"));
    }

    @Test
    void anXxePayloadIsAProblemAndNothingIsRead() {
        Map<String, Object> problem = post("application/xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>""")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem.get("detail").toString()).startsWith("Malformed XML at line 2").contains("DOCTYPE")
                .doesNotContain("root:");
        verify(publisher, never()).publish(any());
    }

    @Test
    void anHtmlBodyInNativeJsonIsWrittenAsItsPlainText() {
        when(publisher.publish(any())).thenReturn(Mono.empty());

        post("application/json", """
                {"uri": "%s", "headline": "Headline", "source": "Agency", "firstCreated": "2026-01-02T03:04:05Z",
                 "body": "<p>First <b>paragraph</b>.</p><script>alert(1)</script><p onclick=\\"x()\\">Second.</p>"}"""
                .formatted(uri)).expectStatus().isAccepted();

        assertThat(published(1).get(0).body()).isEqualTo("First paragraph.\n\nSecond.");
    }

    @Test
    void anHtmlBodyWithNoTextLeftIsBlank() {
        Map<String, Object> problem = post("application/json", """
                {"uri": "%s", "headline": "Headline", "source": "Agency", "firstCreated": "2026-01-02T03:04:05Z",
                 "body": "<script>alert(1)</script><img src=x onerror=alert(2)>"}""".formatted(uri))
                .expectStatus().isBadRequest()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem).containsEntry("detail", "Invalid story: body must not be blank");
        verify(publisher, never()).publish(any());
    }

    @Test
    void aNulOrALoneSurrogateIsNoStorableText() {
        Map<String, Object> problem = post("application/json", """
                {"uri": "%s", "headline": "Head\\u0000line", "source": "Agency\\ud800",
                 "firstCreated": "2026-01-02T03:04:05Z", "body": "Body"}""".formatted(uri))
                .expectStatus().isBadRequest()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem).containsEntry("detail", "Invalid story: headline must not contain control characters or "
                + "unpaired surrogates; source must not contain control characters or unpaired surrogates");
    }
}
