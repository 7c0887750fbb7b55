package org.newsroom.publish.messaging;

import java.util.concurrent.TimeoutException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.jspecify.annotations.Nullable;
import org.newsroom.publish.article.SourcePosition;

/**
 * The store could not be reached, or did not answer in time: nothing is wrong with the record, so
 * it is retried for as long as the outage lasts instead of being dead-lettered.
 */
public class StoreUnavailableException extends RuntimeException {

    StoreUnavailableException(SourcePosition position, Throwable cause) {
        super("The store is unavailable for the enriched record at partition " + position.partition() + ", offset "
                + position.offset(), cause);
    }

    /** Whether the listener failed because the store was unavailable. */
    static boolean causedListenerFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure says the store is out of reach rather than that the write is wrong. */
    static boolean isStoreOutage(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }
}
