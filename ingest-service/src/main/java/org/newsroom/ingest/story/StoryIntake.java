package org.newsroom.ingest.story;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import org.newsroom.contract.EmbargoedArticle;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.article.ArticleNotWrittenException;
import org.newsroom.ingest.article.ArticlePublisher;
import org.newsroom.ingest.ledger.ArticleLedger;
import org.newsroom.ingest.ledger.Claim;
import org.newsroom.ingest.ledger.ContentHash;
import org.newsroom.ingest.ledger.Intent;
import org.newsroom.ingest.ledger.StaleVersionException;
import org.newsroom.ingest.ledger.StoryOwnedElsewhereException;
import org.newsroom.ingest.partner.Partner;
import org.newsroom.ingest.partner.SourceNotAllowedException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Accepts a story: validate, normalize, check it against what the article log holds, write it, and
 * only then confirm. A story the log already holds is confirmed with its original message id and
 * not written again. A story under an embargo that has not lifted yet is written to the embargo
 * topic instead, to be released to the log at its time (see {@code org.newsroom.ingest.embargo}).
 */
@Service
public class StoryIntake {

    private final StoryValidator validator;

    private final ArticlePublisher publisher;

    private final ArticleLedger ledger;

    private final Clock clock;

    private final IngestProperties properties;

    public StoryIntake(IngestProperties properties, ArticlePublisher publisher, ArticleLedger ledger, Clock clock) {
        this.validator = new StoryValidator(properties.maxBodyChars());
        this.publisher = publisher;
        this.ledger = ledger;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * @param partner the authenticated partner on whose behalf the story is accepted
     * @return the confirmation, emitted only after the article log stored the event (or already held
     *         it); fails before anything is written with {@link StoryRejectedException} if the story
     *         is invalid, {@link SourceNotAllowedException} if the partner may not speak for its
     *         source, {@link StoryOwnedElsewhereException} if another partner sent the uri first, or
     *         {@link StaleVersionException} if the log holds a later version
     */
    public Mono<StoryAccepted> accept(StoryRequest request, Partner partner) {
        return Mono.fromCallable(() -> authorized(notAhead(validator.validate(request)), partner))
                .flatMap(story -> ledgerReady(story.uri()).then(Mono.defer(() -> accept(story, request, partner))));
    }

    private Mono<StoryAccepted> accept(Story story, StoryRequest request, Partner partner) {
        Intent intent = story.intent();
        String contentHash = ContentHash.of(story.headline(), story.body(), story.source(), story.language(),
                intent == Intent.KILL);
        Claim claim = ledger.claim(story.uri(), partner.id(), request.version(), contentHash, intent, (version, action) -> story
                .toArticleEvent(UUID.randomUUID().toString(), partner.id(), clock.instant(), version, action));
        if (claim instanceof Claim.Duplicate duplicate) {
            return Mono.fromFuture(duplicate.entry().written(), true)
                    .thenReturn(StoryAccepted.duplicateOf(story.uri(), duplicate.entry()));
        }
        if (claim instanceof Claim.Foreign foreign) {
            return Mono.error(new StoryOwnedElsewhereException(foreign));
        }
        if (claim instanceof Claim.Stale stale) {
            return Mono.error(new StaleVersionException(stale));
        }
        Claim.Write write = (Claim.Write) claim;
        Instant embargoedUntil = story.embargoedUntil();
        Instant heldUntil = embargoedUntil != null && story.isEmbargoedAt(clock.instant()) ? embargoedUntil : null;
        Mono<Void> written = heldUntil != null ? publisher.hold(new EmbargoedArticle(write.event(), heldUntil))
                : publisher.publish(write.event());
        return written
                .doOnSuccess(done -> ledger.written(write))
                .doOnError(failure -> ledger.notWritten(write, failure))
                .doOnCancel(() -> ledger.notWritten(write, new IllegalStateException("request cancelled")))
                .thenReturn(heldUntil != null ? StoryAccepted.heldUntil(write.event(), heldUntil)
                        : StoryAccepted.of(write.event()));
    }

    /**
     * Right after startup the ledger may still be reading the log; a story waits for it as long as a
     * write may take, then gets the same 503 as an unwritten story.
     */
    private Mono<Void> ledgerReady(String uri) {
        return Mono.fromFuture(ledger.caughtUp(), true)
                .timeout(properties.kafka().sendDeadline())
                .onErrorMap(TimeoutException.class, timeout -> new ArticleNotWrittenException(uri,
                        new TimeoutException("the article ledger has not read the article log yet")));
    }

    /**
     * A {@code firstCreated} in the future is refused rather than clamped: the lists sort by it, so it
     * would pin the story on top, and clamping would store a time the partner never sent.
     */
    private Story notAhead(Story story) {
        Instant latest = clock.instant().plus(properties.maxFutureSkew());
        if (story.firstCreated().isAfter(latest)) {
            throw new StoryRejectedException(List.of(new FieldViolation("firstCreated",
                    "must not lie more than " + properties.maxFutureSkew() + " ahead of the newsroom's clock")));
        }
        return story;
    }

    private static Story authorized(Story story, Partner partner) {
        if (!partner.mayAttributeTo(story.source())) {
            throw new SourceNotAllowedException(partner, story.source());
        }
        return story;
    }
}
