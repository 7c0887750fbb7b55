package org.newsroom.contract;

/**
 * The story cluster an enriched article belongs to: the articles of any partner that report the
 * same event within the clustering window. An article alone in its cluster has one of its own.
 *
 * @param id the cluster's stable id, derived from the article id of its first member
 * @param leadId the article id ({@link ArticleIds#fromUri}) of the cluster's lead: its earliest
 *        member by first-created time
 * @param size how many articles the cluster has, this one included
 * @param score how surely this article reports the same event as the member it was matched to,
 *        in [0, 1]; 1 for the article that opened the cluster
 * @param reason why, for people: {@code "same event: 0.91; shared: Google DeepMind, A24"}
 */
public record StoryCluster(String id, String leadId, int size, double score, String reason) {
}
