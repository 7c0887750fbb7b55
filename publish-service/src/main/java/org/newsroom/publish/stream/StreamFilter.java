package org.newsroom.publish.stream;

import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.publish.article.ArticleFilter;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.cluster.ClusterIds;
import org.newsroom.publish.cluster.ClusterView;

/**
 * What a subscriber wants to see: the same {@link ArticleFilter} as the query API, applied by the
 * server to catch-up and live events alike, optionally narrowed to one story cluster or to the first
 * article of each cluster. A kill always passes: it carries nothing to match any more, and a client
 * must never keep showing a story that was withdrawn. A {@code clustered} message follows the
 * article whose change made it, so that a filtered stream does not carry clusters of articles it
 * leaves out; with {@code firstOfCluster} there are none (one item per event).
 *
 * <p>Every decision is made from the event alone (the first article of a cluster is the one its
 * id was derived from), so a resumed stream filters exactly like the one it resumes.
 *
 * @param articles which articles the subscriber asked for
 * @param cluster only the articles and changes of this cluster, if given
 * @param firstOfCluster only the first article of each cluster, and no {@code clustered} messages
 */
public record StreamFilter(ArticleFilter articles, @Nullable String cluster, boolean firstOfCluster) {

    public static final StreamFilter NONE = new StreamFilter(ArticleFilter.NONE, null, false);

    public StreamFilter(ArticleFilter articles) {
        this(articles, null, false);
    }

    /** Normalises the raw values of the request parameters; an unknown type names {@code type}. */
    public static StreamFilter of(Collection<String> entities, Collection<String> languages,
            Collection<String> types) {
        return new StreamFilter(ArticleFilter.of(entities, languages, types));
    }

    /** This filter, narrowed to one cluster (if given) or to the first article of each cluster. */
    public StreamFilter inCluster(@Nullable String clusterId, boolean firstOnly) {
        return new StreamFilter(articles, clusterId, firstOnly);
    }

    public boolean matches(ArticleView article) {
        if (article.action() == ArticleAction.KILLED) {
            return true;
        }
        String clusterId = article.clusterId();
        return articles.matches(article)
                && (cluster == null || cluster.equals(clusterId))
                && (!firstOfCluster || clusterId == null || ClusterIds.openedBy(clusterId, article.id()));
    }

    /** Whether the subscriber gets the change of this cluster that the article's change made. */
    public boolean matches(ArticleView cause, ClusterView changed) {
        return !firstOfCluster && (cluster == null || cluster.equals(changed.id()))
                && (cause.action() == ArticleAction.KILLED || articles.matches(cause));
    }
}
