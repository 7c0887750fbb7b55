package org.newsroom.contract;

/**
 * An article with its enrichment, as enrich-service writes it to {@link Topics#ENRICHED}.
 *
 * @param schemaVersion the version of this record's schema, {@link #SCHEMA_VERSION} when written
 * @param eventId unique id of this event
 * @param article the article event this enrichment was computed from, unchanged
 * @param enrichment what enrichment added
 */
public record EnrichedArticleEvent(int schemaVersion, String eventId, ArticleEvent article, Enrichment enrichment) {

    public static final int SCHEMA_VERSION = 1;
}
