package org.newsroom.publish.intake;

import java.time.Clock;

import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.publish.article.ArticleDocument;
import org.newsroom.publish.article.ArticleStore;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.stream.LiveStreamHub;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.stream.StreamEvent;
import org.newsroom.publish.stream.StreamEventLog;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Applies one enriched article to the read model. Only a write that changed the article becomes a
 * stream event, so duplicates and stale versions never reach subscribers; and a change is pushed
 * live only once it is recorded, so the live stream never shows what a later resume could not.
 */
@Service
public class ArticleIntake {

    private final ArticleStore articles;

    private final StreamEventLog streamEvents;

    private final LiveStreamHub hub;

    private final Clock clock;

    public ArticleIntake(ArticleStore articles, StreamEventLog streamEvents, LiveStreamHub hub, Clock clock) {
        this.articles = articles;
        this.streamEvents = streamEvents;
        this.hub = hub;
        this.clock = clock;
    }

    /**
     * Completes with whether the stored article changed (or, for a redelivered record, had been
     * changed by it); a change is recorded and pushed once, however often its record is delivered.
     */
    public Mono<Boolean> accept(EnrichedArticleEvent event, SourcePosition position) {
        ArticleDocument article = ArticleDocument.of(event, position, clock.instant());
        return articles.storeIfNewer(article)
                .flatMap(changed -> changed ? recordChange(new StreamEvent(position, article.toView())).thenReturn(true)
                        : Mono.just(false));
    }

    private Mono<Void> recordChange(StreamEvent event) {
        return streamEvents.record(event)
                .doOnNext(recorded -> {
                    if (recorded) {
                        hub.publish(event);
                    }
                })
                .then();
    }
}
