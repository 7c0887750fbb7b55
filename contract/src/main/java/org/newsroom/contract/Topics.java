package org.newsroom.contract;

import java.util.List;
import java.util.Map;

/**
 * Every topic of the newsroom, with its key and value types. Each topic has exactly one writing
 * service; the key is the article uri so that all events of one article stay in order on one
 * partition (the embargo topic adds the version, see {@link EmbargoedArticle#key()}).
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

    /**
     * Receipts of the article versions that reached the live stream, written by publish-service.
     * Compacted and kept forever: the latest receipt per uri is what a story's status shows.
     */
    public static final Topic<String, PublishedArticleEvent> PUBLISHED = new Topic<>("newsroom.published.v1",
            String.class, PublishedArticleEvent.class, 6, Map.of("cleanup.policy", "compact", "retention.ms", "-1"));

    /**
     * Stories under embargo, written by ingest-service when it accepts them and tombstoned when it
     * releases them to {@link #ARTICLES}. Compacted, so the topic holds exactly the pending holds:
     * that is how a hold survives restarts of every ingest instance.
     */
    public static final Topic<String, EmbargoedArticle> EMBARGOED = new Topic<>("newsroom.embargoed.v1",
            String.class, EmbargoedArticle.class, 6, Map.of("cleanup.policy", "compact", "retention.ms", "-1"));

    /** Every topic of the newsroom, for services and tools that create or inspect them all. */
    public static final List<Topic<String, ?>> ALL = List.of(ARTICLES, ENRICHED, PUBLISHED, EMBARGOED);

    private Topics() {
    }
}
