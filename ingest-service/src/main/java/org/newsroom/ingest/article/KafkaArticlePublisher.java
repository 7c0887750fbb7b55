package org.newsroom.ingest.article;

import java.time.Duration;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EmbargoedArticle;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes article events to {@link Topics#ARTICLES}, keyed by uri so that all versions of one
 * article stay in order on one partition.
 */
@Component
class KafkaArticlePublisher implements ArticlePublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaArticlePublisher.class);

    private final KafkaTemplate<String, @Nullable Object> kafkaTemplate;

    private final Duration sendDeadline;

    KafkaArticlePublisher(KafkaTemplate<String, @Nullable Object> kafkaTemplate, IngestProperties properties) {
        this.kafkaTemplate = kafkaTemplate;
        this.sendDeadline = properties.kafka().sendDeadline();
    }

    @Override
    public Mono<Void> publish(ArticleEvent event) {
        return send(Topics.ARTICLES.name(), event.uri(), event);
    }

    @Override
    public Mono<Void> hold(EmbargoedArticle held) {
        return send(Topics.EMBARGOED.name(), held.key(), held);
    }

    /** A tombstone: compaction then drops the hold, and a replay of the topic sees it ended. */
    @Override
    public Mono<Void> endHold(String key) {
        return send(Topics.EMBARGOED.name(), key, null);
    }

    private Mono<Void> send(String topic, String uri, @Nullable Object value) {
        // send() blocks for up to max.block.ms while it fetches metadata, so it must not run on an
        // event-loop thread. Cancelling the HTTP exchange must not cancel the acknowledgement either.
        // The record's traceparent continues the request's trace only because Reactor's automatic
        // context propagation (spring.reactor.context-propagation: auto) makes the request's
        // observation current on the boundedElastic thread, where the template's observation looks for it.
        return Mono.fromFuture(() -> kafkaTemplate.send(topic, uri, value), true)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(sendDeadline)
                .onErrorMap(failure -> translate(uri, failure))
                .then();
    }

    private static RuntimeException translate(String uri, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException) {
                log.info("Article {} refused by Kafka for its size: {}", uri, cause.getMessage());
                return new ArticleTooLargeException(uri, failure);
            }
        }
        log.warn("Article {} not written to Kafka: {}", uri, failure.toString());
        return new ArticleNotWrittenException(uri, failure);
    }
}
