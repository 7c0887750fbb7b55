package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.Topics;
import org.springframework.http.MediaType;

/**
 * What an operator sees of a push: the partner's trace continues into the article log's record and
 * is answered in {@code X-Trace-Id}, and Prometheus counts what was accepted and what was refused.
 */
class StoryObservabilityIntegrationTest extends KafkaIntegrationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void continuesThePartnersTraceIntoTheArticleRecordAndAnswersItsId() {
        // Given a story pushed in the partner's trace
        String uri = "urn:newsroom:test:traced:" + UUID.randomUUID();
        Map<TopicPartition, Long> start = logEnd(Topics.ARTICLES);
        byte[] body = json.writeValueAsBytes(story(uri, "Traced headline", "Traced body"));

        // When
        String answered = client.post().uri("/v1/stories").contentType(MediaType.APPLICATION_JSON)
                .headers(TestPartners.signedByAgency(body))
                .header("traceparent", TRACEPARENT)
                .bodyValue(body).exchange()
                .expectStatus().isAccepted()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Trace-Id");

        // Then the answer quotes the partner's trace, and the record continues it
        assertThat(answered).isEqualTo(TRACE_ID);
        List<ConsumerRecord<String, String>> records = recordsSince(Topics.ARTICLES, start).stream()
                .filter(record -> uri.equals(record.key())).toList();
        assertThat(records).hasSize(1);
        Header traceparent = records.get(0).headers().lastHeader("traceparent");
        assertThat(traceparent).isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.US_ASCII))
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .isNotEqualTo(TRACEPARENT);
    }

    @Test
    void answersAPushWithoutTraceWithANewTraceId() {
        String uri = "urn:newsroom:test:untraced:" + UUID.randomUUID();

        String answered = postJson(story(uri, "Untraced headline", "Body")).expectStatus().isAccepted()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Trace-Id");

        assertThat(answered).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
    }

    @Test
    void countsAcceptedAndRejectedStoriesForPrometheus() {
        // Given the counters as they are now (other tests share this application)
        double acceptedBefore = counter("newsroom_stories_accepted_total", "format=\"json\",status=\"accepted\"");
        double rejectedBefore = counter("newsroom_stories_rejected_total", "reason=\"Bad Request\"");
        String uri = "urn:newsroom:test:counted:" + UUID.randomUUID();

        // When one story is refused and one accepted
        String refusedTrace = postJson(story(uri, " ", "Body")).expectStatus().isBadRequest()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Trace-Id");
        postJson(story(uri, "Counted headline", "Body")).expectStatus().isAccepted();

        // Then each is counted once, and the refusal was answered with its trace id too
        assertThat(counter("newsroom_stories_rejected_total", "reason=\"Bad Request\"")).isEqualTo(rejectedBefore + 1);
        assertThat(counter("newsroom_stories_accepted_total", "format=\"json\",status=\"accepted\""))
                .isEqualTo(acceptedBefore + 1);
        assertThat(refusedTrace).matches("[0-9a-f]{32}");
    }

    /** The value of the Prometheus sample with exactly these tags, 0 when it does not exist yet. */
    private double counter(String name, String tags) {
        String metrics = client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{" + Pattern.quote(tags) + "\\} (\\S+)$").matcher(metrics);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
