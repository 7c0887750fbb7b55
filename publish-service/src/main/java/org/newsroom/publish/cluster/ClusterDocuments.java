package org.newsroom.publish.cluster;

import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bson.Document;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.StoryCluster;
import org.newsroom.publish.article.ArticleDocument;

/**
 * Clusters and their members as BSON, in the {@code clusters} collection and inside the stream
 * events that carry a {@code clustered} change. Instants are BSON dates (milliseconds), so a
 * member reads back equal to the one written.
 */
public final class ClusterDocuments {

    /** The lead first: the earliest member, the article id breaking ties so every reader agrees. */
    private static final Comparator<ClusterMember> LEAD_FIRST = Comparator.comparing(ClusterMember::firstCreated)
            .thenComparing(ClusterMember::articleId);

    private ClusterDocuments() {
    }

    /** The member an article's stored version makes; the article must have a cluster. */
    static ClusterMember memberOf(ArticleDocument article) {
        ArticleEvent event = article.event().article();
        StoryCluster cluster = Objects.requireNonNull(article.event().enrichment().cluster());
        return new ClusterMember(article.id(), event.uri(), event.source(), event.headline(),
                event.firstCreated().truncatedTo(ChronoUnit.MILLIS), event.version(), cluster.score(),
                cluster.reason());
    }

    static ClusterView viewOf(String id, Collection<ClusterMember> members) {
        List<ClusterMember> ordered = members.stream().sorted(LEAD_FIRST).toList();
        return new ClusterView(id, ordered.isEmpty() ? null : ordered.get(0).articleId(), ordered.size(), ordered);
    }

    public static Document toDocument(ClusterView cluster) {
        return new Document("_id", cluster.id())
                .append("leadId", cluster.leadId())
                .append("size", cluster.size())
                .append("members", cluster.members().stream().map(ClusterDocuments::toDocument).toList());
    }

    /** Reads a document written by {@link #toDocument(ClusterView)}. */
    public static ClusterView viewOf(Document document) {
        return viewOf(document.getString("_id"),
                document.getList("members", Document.class).stream().map(ClusterDocuments::memberOf).toList());
    }

    private static Document toDocument(ClusterMember member) {
        return new Document("articleId", member.articleId())
                .append("uri", member.uri())
                .append("partner", member.partner())
                .append("headline", member.headline())
                .append("firstCreated", Date.from(member.firstCreated()))
                .append("version", member.version())
                .append("score", member.score())
                .append("reason", member.reason());
    }

    private static ClusterMember memberOf(Document document) {
        return new ClusterMember(document.getString("articleId"), document.getString("uri"),
                document.getString("partner"), document.getString("headline"),
                document.getDate("firstCreated").toInstant(), document.getLong("version"), document.getDouble("score"),
                document.getString("reason"));
    }
}
