package org.newsroom.contract;

import java.util.List;
import java.util.Map;

/**
 * Every topic of the newsroom, with its key and value types. Each topic has exactly one writing
 * service; the key is always the article uri so that all events of one article stay in order on
 * one partition.
 */
public final class Topics {

    /**
     * Accepted partner stories, written by ingest-service. Compacted and kept forever: it is the
     * archive that enrichment rebuilds its related-article index from.
     */
    public static final Topic<String, ArticleEvent> ARTICLES = new Topic<>("newsroom.articles.v1", String.class,
            ArticleEvent.class, 6, Map.of("cleanup.policy", "compact", "retention.ms", "-1"));

    /**
     * Enriched articles, written by enrich-service. Compacted and kept forever, so that the
     * publish read model can be rebuilt by replaying it.
     */
    public static final Topic<String, EnrichedArticleEvent> ENRICHED = new Topic<>("newsroom.enriched.v1",
            String.class, EnrichedArticleEvent.class, 6, Map.of("cleanup.policy", "compact", "retention.ms", "-1"));

    /** Every topic of the newsroom, for services and tools that create or inspect them all. */
    public static final List<Topic<String, ?>> ALL = List.of(ARTICLES, ENRICHED);

    private Topics() {
    }
}
