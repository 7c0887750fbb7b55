package org.newsroom.publish.messaging;

import org.newsroom.publish.article.SourcePosition;

/**
 * An enriched record whose value could not be read as an enriched article. Retrying cannot help,
 * so it is not retried ({@link StoreRetries}) and the record goes straight to the
 * dead-letter topic, where nothing is lost.
 */
public class UnreadableRecordException extends RuntimeException {

    UnreadableRecordException(SourcePosition position) {
        super("The enriched record at partition " + position.partition() + ", offset " + position.offset()
                + " is not an enriched article");
    }
}
