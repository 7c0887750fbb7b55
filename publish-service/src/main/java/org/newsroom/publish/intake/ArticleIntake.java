package org.newsroom.publish.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.publish.article.ArticleDocument;
import org.newsroom.publish.article.ArticleStore;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.cluster.ClusterStore;
import org.newsroom.publish.stream.NewEventsSignal;
import org.newsroom.publish.stream.StreamEvent;
import org.newsroom.publish.stream.StreamEventLog;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Applies enriched articles to the read model, a batch at a time. Only a write that changed the article becomes a
 * stream event, so duplicates and stale versions never reach subscribers. Subscribers only ever
 * read recorded events (from the shared log, whichever instance recorded them), so the live
 * stream never shows what a later resume could not; recording only wakes this instance's reader.
 */
@Service
public class ArticleIntake {

    private final ArticleStore articles;

    private final ClusterStore clusters;

    private final StreamEventLog streamEvents;

    private final NewEventsSignal newEvents;

    private final Clock clock;

    public ArticleIntake(ArticleStore articles, ClusterStore clusters, StreamEventLog streamEvents,
            NewEventsSignal newEvents, Clock clock) {
        this.articles = articles;
        this.clusters = clusters;
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
        return acceptAll(List.of(new Incoming(event, position, traceId)))
                .flatMap(stored -> Mono.justOrEmpty(stored.get(0)));
    }

    /**
     * Applies a batch, in its order: one read and one bulk write of the articles, then of the
     * clusters the changes touch, one insert of the stream events of the changes (each with the
     * clusters it changed). Completes with one entry per incoming article, in the batch's
     * order: the stored version where it changed the article, empty where it did not.
     */
    public Mono<List<Optional<ArticleView>>> acceptAll(List<Incoming> batch) {
        Instant storedAt = clock.instant();
        List<ArticleDocument> documents = batch.stream()
                .map(incoming -> ArticleDocument.of(incoming.event(), incoming.position(), storedAt, incoming.traceId()))
                .toList();
        return articles.storeAll(documents).flatMap(changed -> {
            List<ArticleDocument> changes = new ArrayList<>();
            for (int index = 0; index < documents.size(); index++) {
                if (changed.get(index)) {
                    changes.add(documents.get(index));
                }
            }
            return clusters.applyAll(changes).flatMap(clustered -> {
                List<StreamEventLog.Recording> recordings = new ArrayList<>(changes.size());
                for (int index = 0; index < changes.size(); index++) {
                    ArticleDocument article = changes.get(index);
                    recordings.add(new StreamEventLog.Recording(
                            new StreamEvent(article.position(), article.toView(), clustered.get(index)), article));
                }
                List<Optional<ArticleView>> stored = new ArrayList<>(documents.size());
                Iterator<StreamEventLog.Recording> recorded = recordings.iterator();
                for (Boolean change : changed) {
                    stored.add(change ? Optional.of(recorded.next().event().article()) : Optional.empty());
                }
                return recordChanges(recordings).thenReturn(stored);
            });
        });
    }

    /** A kill also drops the article's earlier events, so a resuming client is not sent withdrawn content. */
    private Mono<Void> recordChanges(List<StreamEventLog.Recording> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        Flux<Void> forgets = Flux.fromIterable(changes)
                .filter(change -> change.article().withdrawn())
                .concatMap(kill -> streamEvents.forgetBefore(kill.event()));
        return streamEvents.recordAll(changes)
                .flatMap(recorded -> forgets.then(Mono.just(recorded)))
                .doOnNext(recorded -> {
                    if (recorded > 0) {
                        newEvents.newEventsRecorded();
                    }
                })
                .then();
    }

    /**
     * One enriched article to apply.
     *
     * @param event the enriched article
     * @param position where its record is in the log of enriched articles
     * @param traceId the trace the record was consumed in, kept with the version for subscribers
     */
    public record Incoming(EnrichedArticleEvent event, SourcePosition position, @Nullable String traceId) {
    }
}
