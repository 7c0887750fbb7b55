package org.newsroom.ingest.story;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.ingest.ledger.Intent;

/**
 * A validated, normalized story, ready to become an {@link ArticleEvent}.
 *
 * @param version the declared version, 1 when the partner declared none
 * @param intent what the partner means the story to do, decided once by validation
 */
public record Story(
        String uri,
        long version,
        String headline,
        String body,
        String source,
        Instant firstCreated,
        @Nullable String language,
        @Nullable Instant embargoedUntil,
        List<String> relatedHints,
        Intent intent) {

    public Story {
        relatedHints = List.copyOf(relatedHints);
    }

    /**
     * @param storedVersion the version to write: the declared one, or the next one the article
     *        ledger chose for a story that declared none
     * @param action what the event does, as the article ledger decided from what the log holds
     */
    ArticleEvent toArticleEvent(String eventId, String partnerId, Instant receivedAt, long storedVersion,
            ArticleAction action) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, eventId, action, uri, storedVersion, headline, body,
                source, partnerId, language, firstCreated, receivedAt, relatedHints);
    }

    /** Whether the story must be held back at the given instant. */
    boolean isEmbargoedAt(Instant now) {
        return embargoedUntil != null && embargoedUntil.isAfter(now);
    }
}
