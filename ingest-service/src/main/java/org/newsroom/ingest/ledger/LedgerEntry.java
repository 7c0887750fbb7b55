package org.newsroom.ingest.ledger;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.newsroom.contract.ArticleEvent;

/**
 * The latest known version of one article.
 *
 * @param version the editorial version
 * @param eventId the id of the event that wrote it: the message id a duplicate push is answered with
 * @param contentHash {@link ContentHash} of the event, to recognize a repeat of an unversioned story
 * @param partnerId the partner that pushed it: only that partner is told its status
 * @param receivedAt when ingest accepted it
 * @param written completes once the event is in the log; fails if it could not be written, so that a
 *        duplicate is never confirmed for a story that was lost
 */
public record LedgerEntry(long version, String eventId, String contentHash, String partnerId, Instant receivedAt,
        CompletableFuture<Void> written) {

    static LedgerEntry pending(ArticleEvent event) {
        return new LedgerEntry(event.version(), event.eventId(), ContentHash.of(event), event.partnerId(),
                event.receivedAt(), new CompletableFuture<>());
    }

    static LedgerEntry stored(ArticleEvent event) {
        return new LedgerEntry(event.version(), event.eventId(), ContentHash.of(event), event.partnerId(),
                event.receivedAt(), CompletableFuture.completedFuture(null));
    }
}
