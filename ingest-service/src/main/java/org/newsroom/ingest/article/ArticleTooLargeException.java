package org.newsroom.ingest.article;

/**
 * The article log refused the event for its size. This is a property of the story, not an outage,
 * so retrying the same story would fail again.
 */
public class ArticleTooLargeException extends RuntimeException {

    public ArticleTooLargeException(String uri, Throwable cause) {
        super("Article " + uri + " is too large for the article log", cause);
    }
}
