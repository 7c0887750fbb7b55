package org.newsroom.publish.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsroom.publish.EnrichedArticles.enriched;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EventSchemas;
import org.newsroom.publish.PublishServiceTestBase;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

/**
 * What the running service writes, on its live stream and on the receipts topic, is valid under
 * the contract's JSON Schemas, which docs/asyncapi.yaml points to.
 */
class StreamSchemaIntegrationTest extends PublishServiceTestBase {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static final Map<String, String> SCHEMA_OF_EVENT = Map.of("published", EventSchemas.STREAM_ARTICLE,
            "updated", EventSchemas.STREAM_ARTICLE, "corrected", EventSchemas.STREAM_ARTICLE,
            "killed", EventSchemas.STREAM_KILLED, StreamMessage.CLUSTERED, EventSchemas.STREAM_CLUSTERED,
            StreamMessage.RESET, EventSchemas.STREAM_RESET,
            StreamMessage.END, EventSchemas.STREAM_END);

    @Test
    void everyStreamEventAndEveryReceiptIsValidUnderItsSchema() {
        // Given a subscriber on the live stream
        String uri = "urn:newsroom:it:schemas";
        Flux<ServerSentEvent<String>> stream = client().get().uri("/v1/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk().returnResult(SSE).getResponseBody()
                .filter(sse -> sse.event() != null);

        // When an article is published, corrected and killed, then every event's data is valid
        StepVerifier.create(stream)
                .then(() -> produce(enriched(uri, 1, ArticleAction.PUBLISHED, "Schemas published")))
                .assertNext(sse -> assertValidEvent(sse, "published"))
                .then(() -> produce(enriched(uri, 2, ArticleAction.CORRECTED, "Schemas corrected")))
                .assertNext(sse -> assertValidEvent(sse, "corrected"))
                .then(() -> produce(enriched(uri, 3, ArticleAction.KILLED, "Schemas killed")))
                .assertNext(sse -> {
                    assertValidEvent(sse, "killed");
                    assertThat(sse.data()).contains(ArticleIds.fromUri(uri));
                })
                .thenCancel()
                .verify(TIMEOUT);

        // And so is every receipt on the published topic
        await().atMost(TIMEOUT).until(() -> receipts(uri).size() >= 3);
        assertThat(receipts(uri)).allSatisfy(
                receipt -> EventSchemas.assertValid(EventSchemas.PUBLISHED_ARTICLE_EVENT, receipt.value()));
    }

    @Test
    void theDataOfResetAndEndAsTheServiceWritesThemIsValid() {
        EventSchemas.assertValid(EventSchemas.STREAM_RESET,
                json.writeValueAsString(new StreamMessage.Reset("cursor-expired", "/v1/articles")));
        EventSchemas.assertValid(EventSchemas.STREAM_END,
                json.writeValueAsString(new StreamMessage.End("max-lifetime", "djE6MDox")));
    }

    private static void assertValidEvent(ServerSentEvent<String> sse, String event) {
        assertThat(sse.event()).isEqualTo(event);
        assertThat(sse.id()).isNotBlank();
        EventSchemas.assertValid(SCHEMA_OF_EVENT.get(event), sse.data());
    }
}
