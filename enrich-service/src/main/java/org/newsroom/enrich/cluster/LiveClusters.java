package org.newsroom.enrich.cluster;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.StoryCluster;

/**
 * The clusters of the window as one instance knows them, shared by the enrichment's listener
 * threads, which decide, and the follower of the enriched topic, which adopts what every instance
 * decided. One lock: a decision is a millisecond or two, beside tens for the enrichment.
 */
public final class LiveClusters implements StoryClustering {

    private final StoryClusterer clusterer;
    private final ClusterArchive archive;

    public LiveClusters(ClusterSettings settings) {
        this.archive = new InMemoryClusterArchive(settings);
        this.clusterer = new StoryClusterer(settings, archive);
    }

    @Override
    public synchronized @Nullable StoryCluster cluster(ArticleEvent article, List<Entity> entities) {
        return clusterer.accept(article, entities).storyCluster().orElse(null);
    }

    /** Takes over the decision an enriched event records, this instance's own or another's. */
    public synchronized void adopt(EnrichedArticleEvent enriched) {
        clusterer.adopt(enriched.article(), enriched.enrichment().entities(), enriched.enrichment().cluster());
    }

    /** How many articles of the window are clustered. */
    public synchronized int size() {
        return archive.size();
    }
}
