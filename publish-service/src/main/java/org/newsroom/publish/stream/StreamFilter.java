package org.newsroom.publish.stream;

import java.util.Collection;

import org.newsroom.contract.ArticleAction;
import org.newsroom.publish.article.ArticleFilter;
import org.newsroom.publish.article.ArticleView;

/**
 * What a subscriber wants to see: the same {@link ArticleFilter} as the query API, applied by the
 * server to catch-up and live events alike. A kill always passes: it carries nothing to match any
 * more, and a client must never keep showing a story that was withdrawn.
 *
 * @param articles which articles the subscriber asked for
 */
public record StreamFilter(ArticleFilter articles) {

    public static final StreamFilter NONE = new StreamFilter(ArticleFilter.NONE);

    /** Normalises the raw values of the request parameters; an unknown type names {@code type}. */
    public static StreamFilter of(Collection<String> entities, Collection<String> languages,
            Collection<String> types) {
        return new StreamFilter(ArticleFilter.of(entities, languages, types));
    }

    public boolean matches(ArticleView article) {
        return article.action() == ArticleAction.KILLED || articles.matches(article);
    }
}
