package org.newsroom.ingest.story.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ProblemType;
import org.newsroom.ingest.ClockConfiguration;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.ReadyArticleLedger;
import org.newsroom.ingest.TestPartners;
import org.newsroom.ingest.article.ArticlePublisher;
import org.newsroom.ingest.partner.PartnerAuthenticator;
import org.newsroom.ingest.partner.PartnerProperties;
import org.newsroom.ingest.partner.PartnerRateLimiter;
import org.newsroom.ingest.partner.ReplayGuard;
import org.newsroom.ingest.partner.WebhookSignature;
import org.newsroom.ingest.partner.RequestSignature;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

/** Only a known partner's correctly signed request reaches the article log, under that partner's id. */
@WebFluxTest(StoryController.class)
@Import({ StoryIntake.class, PartnerGate.class, StoryOutcomes.class, PartnerAuthenticator.class,
        ReplayGuard.class, PartnerRateLimiter.class, JsonStoryReader.class, PlainTextStoryReader.class, NinjsStoryReader.class, FeedStoryReader.class,
        StoryProblems.class, StoryMetrics.class, SimpleMeterRegistry.class, ReadyArticleLedger.class,
        ClockConfiguration.class })
@EnableConfigurationProperties({ IngestProperties.class, PartnerProperties.class })
@TestPropertySource(properties = { TestPartners.AGENCY_ID_PROPERTY, TestPartners.AGENCY_KEY_PROPERTY,
        TestPartners.AGENCY_SECRET_PROPERTY, TestPartners.WIRE_ID_PROPERTY, TestPartners.WIRE_KEY_PROPERTY,
        TestPartners.WIRE_SECRET_PROPERTY, TestPartners.WIRE_SOURCES_PROPERTY })
class StoryAuthenticationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    /** Raw CRLF between tokens and inside a string, decomposed accents, non-BMP text: bytes that a re-encoding would change. */
    private static final String STORY = "{\r\n  \"uri\": \"urn:newsroom:test:%s\",\r\n"
            + "  \"headline\": \"Cafe\u0301 \u2014 \u65b0\u805e \ud83d\udcf0\",\r\n"
            + "  \"body\": \"Line one\\r\\nLine two \u00e9t\u00e9\",\r\n"
            + "  \"source\": \"%s\",\r\n  \"firstCreated\": \"2026-01-02T03:04:05Z\"\r\n}\r\n";

    private static final byte[] AGENCY_STORY = story("auth", "Example Agency");

    @Autowired
    private WebTestClient client;

    /** Stories that get written need their own uri: the ledger remembers across tests. */
    private static byte[] story(String uriSuffix, String source) {
        return STORY.formatted(uriSuffix, source).getBytes(StandardCharsets.UTF_8);
    }

    @MockitoBean
    private ArticlePublisher publisher;

    private WebTestClient.ResponseSpec post(byte[] body, Consumer<HttpHeaders> headers) {
        return client.post().uri("/v1/stories").contentType(MediaType.APPLICATION_JSON).headers(headers)
                .bodyValue(body).exchange();
    }

    private ArticleEvent published() {
        ArgumentCaptor<ArticleEvent> event = ArgumentCaptor.forClass(ArticleEvent.class);
        verify(publisher).publish(event.capture());
        return event.getValue();
    }

    @Test
    void acceptsACorrectSignatureOverTheExactCrlfAndUnicodeBytes() {
        when(publisher.publish(any())).thenReturn(Mono.empty());

        post(AGENCY_STORY, TestPartners.signedByAgency(AGENCY_STORY)).expectStatus().isAccepted();

        ArticleEvent event = published();
        assertThat(event.partnerId()).isEqualTo(TestPartners.AGENCY);
        assertThat(event.headline()).isEqualTo("Caf\u00e9 \u2014 \u65b0\u805e \ud83d\udcf0");
        assertThat(event.body()).isEqualTo("Line one\nLine two \u00e9t\u00e9");
    }

    @Test
    void aWebhookSignedPlainTextPushIsAcceptedOnceAndItsHeadersCannotBeChanged() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        byte[] body = "Markets rally\n\nStocks rose.\n\nContinue reading at Example Agency"
                .getBytes(StandardCharsets.UTF_8);
        HttpHeaders story = new HttpHeaders();
        story.setContentType(MediaType.TEXT_PLAIN);
        story.set("X-Story-Uri", "urn:newsroom:test:webhook-signed");
        story.set("X-Story-Version", "1");
        long now = Instant.now().getEpochSecond();
        Consumer<HttpHeaders> signed = headers -> {
            headers.addAll(story);
            headers.set(PartnerAuthenticator.API_KEY_HEADER, TestPartners.AGENCY_KEY);
            headers.set(WebhookSignature.ID_HEADER, "msg-webhook-signed");
            headers.set(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now));
            headers.set(WebhookSignature.SIGNATURE_HEADER,
                    WebhookSignature.sign(TestPartners.AGENCY_SECRET, "msg-webhook-signed", now, story, body));
        };
        client.post().uri("/v1/stories").headers(signed).bodyValue(body).exchange().expectStatus().isAccepted();

        Map<String, Object> replay = client.post().uri("/v1/stories").headers(signed).bodyValue(body).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        Map<String, Object> tampered = client.post().uri("/v1/stories")
                .headers(signed.andThen(headers -> {
                    headers.set(WebhookSignature.ID_HEADER, "msg-webhook-tampered");
                    headers.set("X-Story-Version", "2");
                })).bodyValue(body).exchange().expectStatus().isUnauthorized()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(replay.get("type")).isEqualTo(ProblemType.PARTNER_UNAUTHORIZED.uri().toString());
        assertThat(replay.get("detail")).asString().contains("msg-webhook-signed was already used");
        assertThat(tampered.get("detail")).isEqualTo(mismatch());
        assertThat(published().version()).isEqualTo(1);
    }

    @Test
    void acceptsUppercaseHexDigits() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        byte[] story = story("uppercase", "Example Agency");
        String signature = RequestSignature.sign(TestPartners.AGENCY_SECRET, story).toUpperCase();

        post(story, headers -> {
            headers.set(PartnerAuthenticator.API_KEY_HEADER, TestPartners.AGENCY_KEY);
            headers.set(PartnerAuthenticator.SIGNATURE_HEADER, signature);
        }).expectStatus().isAccepted();
    }

    static Stream<Arguments> unauthenticatedRequests() {
        String valid = RequestSignature.sign(TestPartners.AGENCY_SECRET, AGENCY_STORY);
        byte[] lfOnly = new String(AGENCY_STORY, StandardCharsets.UTF_8).replace("\r\n", "\n")
                .getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("no API key", null, valid, "X-Api-Key header is missing"),
                Arguments.of("blank API key", " ", valid, "X-Api-Key header is missing"),
                // The same answer as a wrong signature: nobody learns whether a key exists.
                Arguments.of("unknown API key", "agency-key2", valid, mismatch()),
                Arguments.of("no signature", TestPartners.AGENCY_KEY, null, "X-Signature header is missing"),
                Arguments.of("signature without scheme", TestPartners.AGENCY_KEY, valid.substring(7), malformed()),
                Arguments.of("other scheme", TestPartners.AGENCY_KEY, "sha1=" + valid.substring(7), malformed()),
                Arguments.of("signature too short", TestPartners.AGENCY_KEY, valid.substring(0, 70), malformed()),
                Arguments.of("signature not hex", TestPartners.AGENCY_KEY, valid.substring(0, 69) + "zz", malformed()),
                Arguments.of("signed with another partner's secret", TestPartners.AGENCY_KEY,
                        RequestSignature.sign(TestPartners.WIRE_SECRET, AGENCY_STORY), mismatch()),
                Arguments.of("another partner's valid signature under this key", TestPartners.WIRE_KEY, valid, mismatch()),
                Arguments.of("signature of the body with LF line ends", TestPartners.AGENCY_KEY,
                        RequestSignature.sign(TestPartners.AGENCY_SECRET, lfOnly), mismatch()));
    }

    private static String malformed() {
        return "X-Signature must be sha256= followed by the 64 hex digits of the body's HMAC-SHA256";
    }

    private static String mismatch() {
        return "X-Api-Key and the signature do not prove a known partner; sign the exact bytes sent with the secret "
                + "that belongs to the key";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unauthenticatedRequests")
    void answers401AndWritesNothing(String mistake, String apiKey, String signature, String detail) {
        Map<String, Object> problem = post(AGENCY_STORY, headers -> {
            if (apiKey != null) {
                headers.set(PartnerAuthenticator.API_KEY_HEADER, apiKey);
            }
            if (signature != null) {
                headers.set(PartnerAuthenticator.SIGNATURE_HEADER, signature);
            }
        }).expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "HMAC-SHA256 realm=\"newsroom-ingest\"")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem).isEqualTo(Map.of("type", "https://newsroom.example/problems/partner-unauthorized", "title", "Unauthorized", "status", 401, "detail", detail,
                "instance", "/v1/stories"));
        verify(publisher, never()).publish(any());
    }

    @Test
    void authenticatesBeforeReadingTheDocument() {
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);

        post(garbage, headers -> headers.set(PartnerAuthenticator.API_KEY_HEADER, TestPartners.AGENCY_KEY))
                .expectStatus().isUnauthorized();
        post(garbage, TestPartners.signedByAgency(garbage)).expectStatus().isBadRequest();
        verify(publisher, never()).publish(any());
    }

    @Test
    void answers403WhenThePartnerMayNotSpeakForTheSource() {
        Map<String, Object> problem = post(AGENCY_STORY,
                TestPartners.signed(TestPartners.WIRE_KEY, TestPartners.WIRE_SECRET, AGENCY_STORY))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem).isEqualTo(Map.of("type", "https://newsroom.example/problems/source-not-allowed", "title", "Forbidden", "status", 403,
                "detail", "Partner other-wire may not push stories attributed to 'Example Agency'",
                "instance", "/v1/stories"));
        verify(publisher, never()).publish(any());
    }

    @Test
    void aPartnerRestrictedToASourceMayPushForIt() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        byte[] story = story("wire", " other  WIRE ");

        post(story, TestPartners.signed(TestPartners.WIRE_KEY, TestPartners.WIRE_SECRET, story))
                .expectStatus().isAccepted();

        assertThat(published().partnerId()).isEqualTo(TestPartners.WIRE);
    }
}
