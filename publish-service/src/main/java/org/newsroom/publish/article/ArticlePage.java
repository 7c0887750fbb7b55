package org.newsroom.publish.article;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of an article list, newest first.
 *
 * @param items the articles of this page
 * @param next the {@code before} cursor of the following page; none on the last page
 */
public record ArticlePage(List<ArticleView> items, @Nullable String next) {

    public ArticlePage {
        items = List.copyOf(items);
    }
}
