package org.newsroom.enrich.cluster;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.StoryCluster;

/** Gives an article event being enriched its story cluster. */
@FunctionalInterface
public interface StoryClustering {

    /** For tools and tests that enrich without clustering: no article gets a cluster. */
    StoryClustering NONE = (article, entities) -> null;

    /**
     * Places the article (or, for a kill, takes it out of its cluster) and returns the cluster its
     * enrichment carries: null for a kill, which belongs to no cluster any more.
     *
     * @param entities the entities its enrichment found
     */
    @Nullable StoryCluster cluster(ArticleEvent article, List<Entity> entities);
}
