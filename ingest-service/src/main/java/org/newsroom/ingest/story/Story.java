package org.newsroom.ingest.story;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;

/** A validated, normalized story, ready to become an {@link ArticleEvent}. */
public record Story(
        String uri,
        long version,
        String headline,
        String body,
        String source,
        Instant firstCreated,
        @Nullable String language) {

    /** The first version publishes an article; every later version replaces it. */
    ArticleAction action() {
        return version == 1 ? ArticleAction.PUBLISHED : ArticleAction.UPDATED;
    }

    ArticleEvent toArticleEvent(String eventId, String partnerId, Instant receivedAt) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, eventId, action(), uri, version, headline, body, source,
                partnerId, language, firstCreated, receivedAt);
    }
}
