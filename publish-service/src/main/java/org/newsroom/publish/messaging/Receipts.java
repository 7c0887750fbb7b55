package org.newsroom.publish.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.PublishedArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.publish.article.ArticleView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * The receipts on {@code newsroom.published.v1}: one per stored change, keyed by the story uri,
 * plain JSON without type headers, with the {@code traceparent} of the enriched record so that the
 * receipt stays in the story's trace. A batch's receipts are sent together and awaited together.
 */
class Receipts {

    static final String TRACEPARENT = "traceparent";

    private final KafkaTemplate<byte[], byte[]> producer;

    private final JsonMapper json;

    private final Duration timeout;

    Receipts(KafkaTemplate<byte[], byte[]> producer, JsonMapper json, Duration timeout) {
        this.producer = producer;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * Sends the receipts and returns once the broker acknowledged every one of them.
     *
     * @throws IllegalStateException if one could not be written in time
     */
    void sendAll(List<Receipt> receipts) {
        CompletableFuture<?>[] sent = receipts.stream().map(this::send).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sent).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending receipts", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The receipts of stored articles could not be written", e);
        }
    }

    private CompletableFuture<?> send(Receipt receipt) {
        ArticleView stored = receipt.stored();
        PublishedArticleEvent event = new PublishedArticleEvent(PublishedArticleEvent.SCHEMA_VERSION, stored.uri(),
                stored.version(), stored.action(), stored.id(), stored.receivedAt(), stored.enrichedAt(),
                stored.storedAt());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.PUBLISHED.name(),
                stored.uri().getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(event));
        if (receipt.traceparent() != null) {
            record.headers().add(TRACEPARENT, receipt.traceparent().getBytes(StandardCharsets.US_ASCII));
        }
        return producer.send(record);
    }

    /**
     * @param stored the version a record stored
     * @param traceparent the W3C trace context of that record, if it had one
     */
    record Receipt(ArticleView stored, @Nullable String traceparent) {
    }
}
