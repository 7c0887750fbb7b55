package org.newsroom.ingest.story;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;

/**
 * A validated, normalized story, ready to become an {@link ArticleEvent}.
 *
 * @param version the declared version, 1 when the partner declared none
 */
public record Story(
        String uri,
        long version,
        String headline,
        String body,
        String source,
        Instant firstCreated,
        @Nullable String language) {

    /**
     * @param storedVersion the version to write: the declared one, or the next one the article
     *        ledger chose for a story that declared none
     * @param action what the event does, as the article ledger decided from what the log holds
     */
    ArticleEvent toArticleEvent(String eventId, String partnerId, Instant receivedAt, long storedVersion,
            ArticleAction action) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, eventId, action, uri, storedVersion, headline, body,
                source, partnerId, language, firstCreated, receivedAt);
    }
}
