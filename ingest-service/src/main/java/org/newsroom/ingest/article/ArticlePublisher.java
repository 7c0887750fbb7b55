package org.newsroom.ingest.article;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EmbargoedArticle;

import reactor.core.publisher.Mono;

/** Writes article events to the article log, and holds those under embargo until their release. */
public interface ArticlePublisher {

    /**
     * Writes one event. The returned Mono completes only once the log has durably stored the event
     * and given it back as accepted, ahead of any other event of the same uri and version that
     * another instance wrote meanwhile, because a partner is told "accepted" only for stories that
     * can no longer be lost nor lose to another.
     *
     * @return completes when stored and accepted; fails with {@link ArticleNotWrittenException} when
     *         the log is unreachable or too slow, or another instance's event of that version came
     *         first (the partner's retry is then decided against it), or with
     *         {@link ArticleTooLargeException} when the log refuses the event for its size
     */
    Mono<Void> publish(ArticleEvent event);

    /**
     * Writes a held event to the log and then ends its hold. Unlike {@link #publish}, whether the
     * log accepts it does not matter: a newer version written meanwhile simply wins.
     */
    Mono<Void> release(EmbargoedArticle held);

    /**
     * Holds an embargoed article on the embargo topic instead of the log; completes, or fails, as
     * {@link #publish} does, so "accepted" means the hold can no longer be lost either. Fails first
     * with {@link org.newsroom.ingest.embargo.HoldsExceededException} when its partner may hold no more.
     */
    Mono<Void> hold(EmbargoedArticle held);

    /** Ends a hold, by its {@link EmbargoedArticle#key()}, once its article has been written to the log. */
    Mono<Void> endHold(String key);
}
