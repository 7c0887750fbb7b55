package org.newsroom.contract;

import java.time.Instant;

/**
 * A story accepted under embargo, as ingest-service holds it on {@link Topics#EMBARGOED} until it
 * may be published. At {@code releaseAt} the article event goes to {@link Topics#ARTICLES}
 * unchanged, and a tombstone replaces the hold.
 *
 * @param article the article event that the release writes
 * @param releaseAt when the partner's embargo ends
 */
public record EmbargoedArticle(ArticleEvent article, Instant releaseAt) {

    /**
     * The record key of this hold: uri and version, not the uri alone as on the other topics, so
     * that the tombstone ending one version's hold can never remove the hold of a newer version.
     */
    public String key() {
        return article.uri() + "#v" + article.version();
    }
}
