package org.newsroom.publish.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Recognizes MongoDB's duplicate-key error (E11000), which idempotent writes treat as "already there". */
public final class DuplicateKey {

    private DuplicateKey() {
    }

    public static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
