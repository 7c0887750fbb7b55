package org.newsroom.publish.messaging;

import java.time.Duration;
import java.util.function.Function;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.PublishedArticleEvent;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.intake.ArticleIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Hands each enriched record to the intake and waits for it, with a bound, on the listener thread.
 * Returning normally lets the binder commit the offset, so a record is acknowledged only once its
 * article is stored; throwing makes the listener retry and finally dead-letter it, except while the
 * store is unavailable ({@link StoreUnavailableException}), which is retried until it is back.
 * A version that changed the article is answered with its receipt on {@code newsroom.published.v1},
 * sent before the offset is committed; a duplicate or stale record is answered with nothing.
 * The binder consumes each record in the trace its {@code traceparent} header continues; that trace
 * id is stored with the version, so subscribers and operators can follow one story through the logs.
 */
class StoreArticleFunction implements Function<Message<EnrichedArticleEvent>, @Nullable Message<PublishedArticleEvent>> {

    private static final Logger log = LoggerFactory.getLogger(StoreArticleFunction.class);

    private final ArticleIntake intake;

    private final Duration writeTimeout;

    private final Tracer tracer;

    StoreArticleFunction(ArticleIntake intake, Duration writeTimeout, Tracer tracer) {
        this.intake = intake;
        this.writeTimeout = writeTimeout;
        this.tracer = tracer;
    }

    @Override
    public @Nullable Message<PublishedArticleEvent> apply(Message<EnrichedArticleEvent> message) {
        SourcePosition position = positionOf(message.getHeaders());
        // When JSON conversion fails, the binder hands over the raw bytes despite the declared type.
        Object payload = message.getPayload();
        if (!(payload instanceof EnrichedArticleEvent event)) {
            throw new UnreadableRecordException(position);
        }
        ArticleView stored = store(event, position);
        if (stored == null) {
            log.debug("Unchanged by {} version {}: stored already or newer", event.article().uri(),
                    event.article().version());
            return null;
        }
        log.info("Stored {} version {} ({})", stored.uri(), stored.version(), stored.action());
        return MessageBuilder.withPayload(receiptOf(stored))
                .setHeader(KafkaHeaders.KEY, stored.uri())
                .build();
    }

    private @Nullable ArticleView store(EnrichedArticleEvent event, SourcePosition position) {
        try {
            // A TimeoutException (not block's own IllegalStateException) tells a slow store from a bug.
            return intake.accept(event, position, currentTraceId()).timeout(writeTimeout).block();
        }
        catch (RuntimeException failure) {
            throw StoreUnavailableException.isStoreOutage(failure) ? new StoreUnavailableException(position, failure)
                    : failure;
        }
    }

    private static PublishedArticleEvent receiptOf(ArticleView stored) {
        return new PublishedArticleEvent(PublishedArticleEvent.SCHEMA_VERSION, stored.uri(), stored.version(),
                stored.action(), stored.id(), stored.receivedAt(), stored.enrichedAt(), stored.storedAt());
    }

    private @Nullable String currentTraceId() {
        Span span = tracer.currentSpan();
        return span == null ? null : span.context().traceId();
    }

    private static SourcePosition positionOf(MessageHeaders headers) {
        Integer partition = headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = headers.get(KafkaHeaders.OFFSET, Long.class);
        if (partition == null || offset == null) {
            throw new IllegalArgumentException("An enriched record without Kafka partition and offset headers");
        }
        return new SourcePosition(partition, offset);
    }
}
