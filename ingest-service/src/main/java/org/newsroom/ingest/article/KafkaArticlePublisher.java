package org.newsroom.ingest.article;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EmbargoedArticle;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.embargo.HeldEmbargoes;
import org.newsroom.ingest.ledger.ArticleLedger;
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

    private final ArticleLedger ledger;

    private final HeldEmbargoes holds;

    KafkaArticlePublisher(KafkaTemplate<String, @Nullable Object> kafkaTemplate, IngestProperties properties,
            ArticleLedger ledger, HeldEmbargoes holds) {
        this.kafkaTemplate = kafkaTemplate;
        this.sendDeadline = properties.kafka().sendDeadline();
        this.ledger = ledger;
        this.holds = holds;
    }

    @Override
    public Mono<Void> publish(ArticleEvent event) {
        return Mono.defer(() -> {
            CompletableFuture<Boolean> readBack = ledger.expect(event);
            return send(Topics.ARTICLES.name(), event.uri(), event)
                    .then(Mono.fromFuture(readBack, true).timeout(sendDeadline))
                    // Not on the ledger's consumer thread, which completed the read-back.
                    .publishOn(Schedulers.parallel())
                    .onErrorMap(TimeoutException.class, timeout -> new ArticleNotWrittenException(event.uri(),
                            new TimeoutException("written, but not yet read back from the article log")))
                    .flatMap(accepted -> accepted ? Mono.<Void>empty()
                            : Mono.error(new ArticleNotWrittenException(event.uri(), new IllegalStateException(
                                    "another instance wrote version " + event.version() + " of it first"))))
                    .doFinally(signal -> ledger.stopExpecting(event));
        });
    }

    @Override
    public Mono<Void> release(EmbargoedArticle held) {
        return send(Topics.ARTICLES.name(), held.article().uri(), held.article()).then(endHold(held.key()));
    }

    @Override
    public Mono<Void> hold(EmbargoedArticle held) {
        return Mono.fromRunnable(() -> holds.requireRoomFor(held)).then(send(Topics.EMBARGOED.name(), held.key(), held));
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
