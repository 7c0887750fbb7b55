package org.newsroom.ingest.article;

/** The article log did not confirm the write in time; the event may or may not be stored. */
public class ArticleNotWrittenException extends RuntimeException {

    public ArticleNotWrittenException(String uri, Throwable cause) {
        super("Article " + uri + " was not confirmed by the article log: " + cause, cause);
    }
}
