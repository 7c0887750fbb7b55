package org.newsroom.ingest.story;

import java.util.List;

/** A story whose body exceeds the configured limit; answered with 413 rather than 400. */
public class StoryTooLargeException extends StoryRejectedException {

    public StoryTooLargeException(FieldViolation violation) {
        super(List.of(violation));
    }
}
