package org.newsroom.publish.stream;

import java.util.List;

import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.cluster.ClusterView;

/**
 * One change of the read model, as recorded and as pushed to live subscribers. It is delivered as
 * one message for the article, then one {@code clustered} message per cluster it changed.
 *
 * @param position where the change came from
 * @param article the article as stored by this change
 * @param clustered the clusters whose members or lead this change changed, as right after it
 */
public record StreamEvent(SourcePosition position, ArticleView article, List<ClusterView> clustered) {

    public StreamEvent {
        clustered = List.copyOf(clustered);
    }

    public StreamEvent(SourcePosition position, ArticleView article) {
        this(position, article, List.of());
    }

    /** How many messages the event is delivered as. */
    int messages() {
        return 1 + clustered.size();
    }
}
