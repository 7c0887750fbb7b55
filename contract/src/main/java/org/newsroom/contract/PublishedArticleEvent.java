package org.newsroom.contract;

import java.time.Instant;

/**
 * A version of an article that publish-service stored and put on the live stream, as it writes it
 * to {@link Topics#PUBLISHED}. A receipt, not the article: partners learn from it that their story
 * reached subscribers, and when.
 *
 * @param schemaVersion the version of this record's schema, {@link #SCHEMA_VERSION} when written
 * @param uri the story's uri, also the Kafka key
 * @param version the editorial version that was stored
 * @param action what that version did to the article
 * @param articleId the public article id, {@code ArticleIds.fromUri(uri)}
 * @param receivedAt when ingest-service accepted that version
 * @param enrichedAt when enrich-service enriched it
 * @param publishedAt when publish-service stored it and put it on the stream
 */
public record PublishedArticleEvent(int schemaVersion, String uri, long version, ArticleAction action,
        String articleId, Instant receivedAt, Instant enrichedAt, Instant publishedAt) {

    public static final int SCHEMA_VERSION = 1;
}
