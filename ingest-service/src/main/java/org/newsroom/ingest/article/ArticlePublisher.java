package org.newsroom.ingest.article;

import org.newsroom.contract.ArticleEvent;

import reactor.core.publisher.Mono;

/** Writes article events to the article log. */
public interface ArticlePublisher {

    /**
     * Writes one event. The returned Mono completes only once the log has durably stored the event,
     * because a partner is told "accepted" only for stories that can no longer be lost.
     *
     * @return completes when stored; fails with {@link ArticleNotWrittenException} when the log is
     *         unreachable or too slow, or with {@link ArticleTooLargeException} when the log refuses
     *         the event for its size
     */
    Mono<Void> publish(ArticleEvent event);
}
