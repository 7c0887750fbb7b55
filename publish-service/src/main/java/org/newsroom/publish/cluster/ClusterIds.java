package org.newsroom.publish.cluster;

/**
 * What a cluster id says. Enrichment derives a cluster's id from the article id of the member that
 * opened it ({@code c-} and that id, see ARCHITECTURE.md), so the first article of a cluster is
 * known from the id alone, whatever order its members reach publish in.
 */
public final class ClusterIds {

    private static final String PREFIX = "c-";

    private ClusterIds() {
    }

    /** Whether the article opened the cluster. */
    public static boolean openedBy(String clusterId, String articleId) {
        return clusterId.length() == PREFIX.length() + articleId.length() && clusterId.startsWith(PREFIX)
                && clusterId.endsWith(articleId);
    }
}
