package org.newsroom.publish.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.publish.EnrichedArticles.enriched;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.publish.PublishProperties;
import org.newsroom.publish.article.ArticleDocument;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.article.SourcePosition;
import reactor.core.Exceptions;
import reactor.test.StepVerifier;

import org.springframework.http.codec.ServerSentEvent;

/** The SSE shape of stream events and heartbeats, and the bounded buffer of a live subscriber. */
class StreamControllerTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final PublishProperties properties = new PublishProperties(HEARTBEAT, Duration.ofSeconds(10), 2);

    private final LiveStreamHub hub = new LiveStreamHub(properties);

    private final ArticleView article = ArticleDocument
            .of(enriched("urn:newsroom:test:stream", 3, ArticleAction.CORRECTED, "Corrected headline"),
                    new SourcePosition(4, 17), Instant.parse("2025-03-01T09:00:00Z"))
            .toView();

    @Test
    void sendsEachChangeNamedByActionWithCursorAndArticleBetweenHeartbeats() {
        StreamController controller = new StreamController(hub, properties);

        StepVerifier.withVirtualTime(controller::stream)
                // Then a heartbeat opens the stream
                .assertNext(StreamControllerTest::assertHeartbeat)
                // When a change is pushed
                .then(() -> hub.publish(new StreamEvent(new SourcePosition(4, 17), article)))
                // Then
                .assertNext(sse -> {
                    assertThat(sse.event()).isEqualTo("corrected");
                    assertThat(sse.id()).isEqualTo("4-17");
                    assertThat(sse.data()).isEqualTo(article);
                    assertThat(sse.comment()).isNull();
                })
                .expectNoEvent(HEARTBEAT.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(StreamControllerTest::assertHeartbeat)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(hub.subscriberCount()).isZero();
    }

    @Test
    void cutsOffASubscriberThatFallsMoreThanItsBufferBehind() {
        StepVerifier.create(hub.events(), 0)
                // When three events arrive for a subscriber with room for two that requests none
                .then(() -> {
                    for (int offset = 0; offset < 3; offset++) {
                        hub.publish(new StreamEvent(new SourcePosition(0, offset), article));
                    }
                })
                // Then it is cut off from the hub, gets what its buffer holds, then the overflow error
                .then(() -> assertThat(hub.subscriberCount()).isZero())
                .thenRequest(3)
                .assertNext(event -> assertThat(event.cursor()).isEqualTo("0-0"))
                .assertNext(event -> assertThat(event.cursor()).isEqualTo("0-1"))
                .expectErrorMatches(Exceptions::isOverflow)
                .verify(Duration.ofSeconds(5));
    }

    private static void assertHeartbeat(ServerSentEvent<ArticleView> sse) {
        assertThat(sse.comment()).isEqualTo("heartbeat");
        assertThat(sse.event()).isNull();
        assertThat(sse.data()).isNull();
    }
}
