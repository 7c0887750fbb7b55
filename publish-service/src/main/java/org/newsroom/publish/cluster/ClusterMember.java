package org.newsroom.publish.cluster;

import java.time.Instant;

/**
 * One article of a story cluster, as of its newest stored version.
 *
 * @param articleId the public article id ({@code GET /v1/articles/{id}})
 * @param uri the partner's story uri
 * @param partner who the story is attributed to (its {@code source}); partner ids stay internal
 * @param headline the headline of the newest version
 * @param firstCreated when the story was first created; the earliest member leads the cluster
 * @param version the newest stored editorial version
 * @param score how surely it reports the same event as the member it was matched to, in [0, 1]
 * @param reason why, for people: {@code "same event: 0.91; shared: Google DeepMind, A24"}
 */
public record ClusterMember(String articleId, String uri, String partner, String headline, Instant firstCreated,
        long version, double score, String reason) {
}
