package org.newsroom.publish.intake;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.publish.article.ArticleDocument;
import org.newsroom.publish.article.ArticleStore;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.stream.NewEventsSignal;
import org.newsroom.publish.stream.StreamEvent;
import org.newsroom.publish.stream.StreamEventLog;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Applies one enriched article to the read model. Only a write that changed the article becomes a
 * stream event, so duplicates and stale versions never reach subscribers. Subscribers only ever
 * read recorded events (from the shared log, whichever instance recorded them), so the live
 * stream never shows what a later resume could not; recording only wakes this instance's reader.
 */
@Service
public class ArticleIntake {

    private final ArticleStore articles;

    private final StreamEventLog streamEvents;

    private final NewEventsSignal newEvents;

    private final Clock clock;

    public ArticleIntake(ArticleStore articles, StreamEventLog streamEvents, NewEventsSignal newEvents, Clock clock) {
        this.articles = articles;
        this.streamEvents = streamEvents;
        this.newEvents = newEvents;
        this.clock = clock;
    }

    /**
     * Completes with the stored version if the article changed (or, for a redelivered record, had
     * been changed by it), empty if not; a change is recorded and pushed once, however often its
     * record is delivered.
     *
     * @param traceId the trace the record was consumed in, kept with the version for subscribers
     */
    public Mono<ArticleView> accept(EnrichedArticleEvent event, SourcePosition position, @Nullable String traceId) {
        ArticleDocument article = ArticleDocument.of(event, position, clock.instant(), traceId);
        ArticleView stored = article.toView();
        return articles.storeIfNewer(article)
                .filter(changed -> changed)
                .flatMap(changed -> recordChange(new StreamEvent(position, stored), article).thenReturn(stored));
    }

    /** A kill also drops the article's earlier events, so a resuming client is not sent withdrawn content. */
    private Mono<Void> recordChange(StreamEvent event, ArticleDocument article) {
        Mono<Void> forget = event.article().withdrawn() ? streamEvents.forgetBefore(event) : Mono.empty();
        return streamEvents.record(event, article)
                .flatMap(recorded -> forget.thenReturn(recorded))
                .doOnNext(recorded -> {
                    if (recorded) {
                        newEvents.newEventsRecorded();
                    }
                })
                .then();
    }
}
