package org.newsroom.enrich.cluster;

import java.time.Instant;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;

/**
 * One article of a story cluster.
 *
 * @param articleId the public article id
 * @param uri the partner's uri
 * @param partnerId the partner that pushed it
 * @param headline its latest headline
 * @param firstCreated when the partner first created it
 * @param version its latest editorial version
 */
public record ClusterMember(String articleId, String uri, String partnerId, String headline, Instant firstCreated,
        long version) {

    static ClusterMember of(ArticleEvent article) {
        return new ClusterMember(ArticleIds.fromUri(article.uri()), article.uri(), article.partnerId(),
                article.headline(), article.firstCreated(), article.version());
    }
}
