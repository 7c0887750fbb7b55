package org.newsroom.enrich.cluster;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.StoryCluster;

/**
 * What one article event did to the clusters.
 *
 * @param change how membership changed
 * @param articleId the article's public id
 * @param cluster the article's cluster after the event; for a kill, what remains of the cluster
 *        it left, absent when it was the last member (or was never clustered)
 * @param score the article's score against the member it joined (1 when it opened the cluster)
 * @param reason why, for people
 */
public record ClusterDecision(Change change, String articleId, @Nullable Cluster cluster, double score, String reason) {

    public enum Change {
        /** The article reports an event no indexed article reports: a cluster of its own. */
        OPENED,
        /** The article joined the cluster of an earlier report of its event. */
        JOINED,
        /** A new version of a member: its headline and version changed, its cluster did not. */
        UPDATED,
        /** A killed member left its cluster. */
        LEFT,
        /** A kill of an article the clusterer does not know (never seen, or older than the window). */
        NONE
    }

    /** The cluster as the enrichment carries it, for the articles that are in one. */
    public Optional<StoryCluster> storyCluster() {
        if (cluster == null || change == Change.LEFT || change == Change.NONE) {
            return Optional.empty();
        }
        return Optional.of(new StoryCluster(cluster.id(), cluster.lead().articleId(), cluster.size(), score, reason));
    }
}
