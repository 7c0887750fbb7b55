/**
 * Writing accepted stories to the article log ({@link org.newsroom.contract.Topics#ARTICLES}).
 * The rest of the service talks to the {@link org.newsroom.ingest.article.ArticlePublisher} port only.
 */
@NullMarked
package org.newsroom.ingest.article;

import org.jspecify.annotations.NullMarked;
