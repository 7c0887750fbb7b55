package org.newsroom.enrich.cluster;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Where the clusterer keeps what it knows: the fingerprints of recent articles, found again as
 * candidates without comparing with every one, and the clusters. In memory for now
 * ({@link InMemoryClusterArchive}); meant to move into the persistent archive.
 */
public interface ClusterArchive {

    /**
     * Indexed articles that may report the same event: those whose shingles share an LSH band
     * with the fingerprint's or that share one of its salient entities, within the window.
     */
    Collection<Fingerprint> candidates(Fingerprint fingerprint);

    Optional<Placement> placement(String articleId);

    /** Indexes the article, or replaces its earlier fingerprint and placement. */
    void place(Placement placement);

    void remove(String articleId);

    Optional<Cluster> cluster(String clusterId);

    void save(Cluster cluster);

    void delete(String clusterId);

    /**
     * Forgets the articles first created before the instant, and the clusters none of whose
     * members is still indexed.
     */
    void evictBefore(Instant oldest);

    /** How many articles are indexed. */
    int size();

    /** How many indexed articles have the content word (by its hash). */
    int documentFrequency(long word);

    /**
     * An indexed article and where it was put.
     *
     * @param fingerprint what is compared
     * @param clusterId the cluster it belongs to
     * @param score the score with which it joined (1 for the member that opened the cluster)
     * @param reason why it joined, or why it opened a cluster of its own
     */
    record Placement(Fingerprint fingerprint, String clusterId, double score, String reason) {
    }
}
