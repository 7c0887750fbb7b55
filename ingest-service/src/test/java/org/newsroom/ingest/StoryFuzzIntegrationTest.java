package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Bounds;
import org.newsroom.contract.EmbargoedArticle;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.partner.PartnerAuthenticator;
import org.newsroom.ingest.partner.RequestSignature;
import org.newsroom.ingest.partner.WebhookSignature;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.core.type.TypeReference;

/**
 * Thousands of generated malformed and hostile requests ({@link HostileStories}) against the
 * running service and its real broker. Whatever a partner sends: never a 5xx, every refusal an RFC
 * 7807 problem, a bad signature always a 401 (but for an empty body, refused before authentication),
 * and the article log (or, for a story under embargo, the embargo topic) holds exactly the stories
 * that were answered 202, each of them a valid story without markup. The seed is fixed so that a run is
 * reproducible; {@code -Dfuzz.seed=N} explores others, {@code -Dfuzz.requests=N} runs more.
 */
class StoryFuzzIntegrationTest extends KafkaIntegrationTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20260304L);

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);

    private static final List<String> MARKUP = List.of("<script", "</script", "<img", "<iframe", "<svg", "<object",
            "<form", "<style", "<a ", "<p>", "<div", "javascript:", "onerror=", "onload=", "onmouseover=", "ontoggle=",
            "onclick=");

    @Test
    void noHostileRequestGets5xxAndOnlyAcceptedStoriesReachTheArticleLog() {
        WebTestClient patient = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        HostileStories generator = new HostileStories(SEED);
        Map<TopicPartition, Long> start = logEnd(Topics.ARTICLES);
        Map<TopicPartition, Long> embargoStart = logEnd(Topics.EMBARGOED);
        Map<String, HostileStories.Request> accepted = new HashMap<>();
        Map<Integer, Integer> statuses = new HashMap<>();

        for (int i = 0; i < REQUESTS; i++) {
            HostileStories.Request request = generator.next(i);
            EntityExchangeResult<byte[]> result = patient.post().uri("/v1/stories")
                    .header(HttpHeaders.CONTENT_TYPE, request.contentType())
                    .headers(headers -> sign(request, headers)).bodyValue(request.body()).exchange()
                    .expectBody().returnResult();
            int status = result.getStatus().value();
            statuses.merge(status, 1, Integer::sum);
            String context = "seed " + SEED + ", " + request + ": " + status + " "
                    + new String(result.getResponseBodyContent() == null ? new byte[0] : result.getResponseBodyContent(),
                            StandardCharsets.UTF_8);
            assertThat(status).as(context).isBetween(200, 499);
            if (request.signing() != HostileStories.Signing.VALID) {
                // An empty body is refused by the framework before anything, authentication included.
                assertThat(status).as(context).isEqualTo(request.body().length == 0 ? 400 : 401);
            }
            if (status == 207) {
                for (Map<String, Object> line : json.readValue(result.getResponseBodyContent(),
                        new TypeReference<List<Map<String, Object>>>() {
                        })) {
                    int lineStatus = (Integer) line.get("status");
                    assertThat(lineStatus).as(context).isBetween(200, 499);
                    if (lineStatus >= 300) {
                        assertThat(line.get("problem")).as(context).isInstanceOfSatisfying(Map.class,
                                problem -> assertThat(problem.get("status")).isEqualTo(lineStatus));
                    }
                    else if (lineStatus == 202) {
                        accepted.put(line.get("uri") + "@" + line.get("version"), request);
                    }
                }
            }
            else if (status == 202) {
                Map<String, Object> answer = json.readValue(result.getResponseBodyContent(),
                        new TypeReference<Map<String, Object>>() {
                        });
                accepted.put(answer.get("uri") + "@" + answer.get("version"), request);
            }
            else if (!HttpStatusCode.valueOf(status).is2xxSuccessful()) {
                assertProblem(result, status, context);
            }
        }

        // A story under embargo is held on the embargo topic; the clock is fixed, so it stays there.
        List<ArticleEvent> written = new ArrayList<>();
        recordsSince(Topics.ARTICLES, start).forEach(record -> written.add(json.readValue(record.value(),
                ArticleEvent.class)));
        recordsSince(Topics.EMBARGOED, embargoStart).forEach(record -> {
            EmbargoedArticle held = json.readValue(record.value(), EmbargoedArticle.class);
            assertThat(Bounds.representable(held.releaseAt())).as("seed %d: %s", SEED, held).isTrue();
            written.add(held.article());
        });
        Set<String> writtenStories = new HashSet<>();
        for (ArticleEvent event : written) {
            String story = event.uri() + "@" + event.version();
            writtenStories.add(story);
            HostileStories.Request request = accepted.get(story);
            assertThat(request).as("seed %d: %s was written but never answered 202", SEED, story).isNotNull();
            assertValidStory(event, request);
        }
        assertThat(written).as("seed %d: one record per 202, statuses %s", SEED, statuses).hasSize(accepted.size());
        assertThat(writtenStories).isEqualTo(accepted.keySet());
        assertThat(statuses.keySet()).as("statuses %s", statuses).contains(202, 207, 400, 401);
    }

    private void assertProblem(EntityExchangeResult<byte[]> result, int status, String context) {
        assertThat(result.getResponseHeaders().getContentType()).as(context)
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = json.readValue(result.getResponseBodyContent(),
                new TypeReference<Map<String, Object>>() {
                });
        assertThat(problem).as(context).containsEntry("status", status).containsKey("title");
    }

    /** What was written is a story the validator would pass, and carries no markup from a format that reads it. */
    private void assertValidStory(ArticleEvent event, HostileStories.Request request) {
        String context = "seed " + SEED + ", " + request + " wrote " + event;
        assertThat(event.uri()).as(context).matches("(https?://|urn:).+");
        for (String text : List.of(event.headline(), event.body(), event.source())) {
            assertThat(text).as(context).isNotBlank();
            assertThat(storable(text)).as(context).isTrue();
        }
        assertThat(event.headline().length()).as(context).isLessThanOrEqualTo(1000);
        assertThat(event.body().length()).as(context).isLessThanOrEqualTo(1_048_576);
        // Every format's text passes the sanitizer, plain text and sources too
        String text = (event.headline() + "\n" + event.body() + "\n" + event.source()).toLowerCase(Locale.ROOT);
        assertThat(MARKUP).as(context).noneMatch(text::contains);
        // Nothing a later stage cannot hold: versions, times within bounds, no creation time in the future
        assertThat(event.version()).as(context).isBetween(1L, Bounds.MAX_VERSION);
        assertThat(Bounds.representable(event.firstCreated())).as(context).isTrue();
        assertThat(event.firstCreated()).as(context).isBeforeOrEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c) || (c < 0x20 && c != '\n' && c != '\t')) {
                return false;
            }
        }
        return true;
    }

    private static void webhookSigned(HostileStories.Request request, HttpHeaders headers, Instant at) {
        String id = "fuzz-" + request.index();
        headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
        headers.set(PartnerAuthenticator.API_KEY_HEADER, TestPartners.AGENCY_KEY);
        headers.set(WebhookSignature.ID_HEADER, id);
        headers.set(WebhookSignature.TIMESTAMP_HEADER, Long.toString(at.getEpochSecond()));
        headers.set(WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(TestPartners.AGENCY_SECRET, id, at.getEpochSecond(), headers, request.body()));
    }

    private static void sign(HostileStories.Request request, HttpHeaders headers) {
        request.headers().forEach(headers::set);
        String signature = RequestSignature.sign(TestPartners.AGENCY_SECRET, request.body());
        switch (request.signing()) {
            case VALID -> TestPartners.signedByAgency(request.body()).accept(headers);
            case WRONG_SECRET -> TestPartners.signed(TestPartners.AGENCY_KEY, "not-the-secret", request.body())
                    .accept(headers);
            case MISSING_SIGNATURE -> headers.set(PartnerAuthenticator.API_KEY_HEADER, TestPartners.AGENCY_KEY);
            case UNKNOWN_KEY -> TestPartners.signed("unknown-key", TestPartners.AGENCY_SECRET, request.body())
                    .accept(headers);
            case OTHER_BODY -> TestPartners.signedByAgency("another body than these " + request.body().length + " bytes")
                    .accept(headers);
            case MALFORMED_SIGNATURE -> {
                headers.set(PartnerAuthenticator.API_KEY_HEADER, TestPartners.AGENCY_KEY);
                headers.set(PartnerAuthenticator.SIGNATURE_HEADER, signature.substring(0, signature.length() / 2) + "zz");
            }
            case MISSING_KEY -> headers.set(PartnerAuthenticator.SIGNATURE_HEADER, signature);
            case WEBHOOK_EXPIRED -> webhookSigned(request, headers, Instant.now().minusSeconds(600));
            case WEBHOOK_TAMPERED -> {
                webhookSigned(request, headers, Instant.now());
                headers.set("X-Embargoed", "2099-01-01T00:00:00Z");
            }
        }
    }
}
