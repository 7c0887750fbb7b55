package org.newsroom.publish.messaging;

import java.time.Duration;
import java.util.function.Consumer;

import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.intake.ArticleIntake;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Hands each enriched record to the intake and waits for it, with a bound, on the listener thread.
 * Returning normally lets the binder commit the offset, so a record is acknowledged only once its
 * article is stored; throwing (including on timeout) makes the binder retry and finally dead-letter it.
 */
class StoreArticleConsumer implements Consumer<Message<EnrichedArticleEvent>> {

    private final ArticleIntake intake;

    private final Duration writeTimeout;

    StoreArticleConsumer(ArticleIntake intake, Duration writeTimeout) {
        this.intake = intake;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public void accept(Message<EnrichedArticleEvent> message) {
        SourcePosition position = positionOf(message.getHeaders());
        // When JSON conversion fails, the binder hands over the raw bytes despite the declared type.
        Object payload = message.getPayload();
        if (!(payload instanceof EnrichedArticleEvent event)) {
            throw new UnreadableRecordException(position);
        }
        intake.accept(event, position).block(writeTimeout);
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
