package org.newsroom.ingest.article;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EmbargoedArticle;

import reactor.core.publisher.Mono;

/** Writes article events to the article log, and holds those under embargo until their release. */
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

    /**
     * Holds an embargoed article on the embargo topic instead of the log; completes, or fails, as
     * {@link #publish} does, so "accepted" means the hold can no longer be lost either.
     */
    Mono<Void> hold(EmbargoedArticle held);

    /** Ends a hold, by its {@link EmbargoedArticle#key()}, once its article has been written to the log. */
    Mono<Void> endHold(String key);
}
