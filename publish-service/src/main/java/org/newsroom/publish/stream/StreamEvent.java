package org.newsroom.publish.stream;

import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.article.SourcePosition;

/**
 * One change of the read model, as recorded and as pushed to live subscribers.
 *
 * @param position where the change came from
 * @param article the article as stored by this change
 */
public record StreamEvent(SourcePosition position, ArticleView article) {
}
