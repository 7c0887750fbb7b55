package org.newsroom.ingest.story;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;

/**
 * A request body that is not a story document at all: missing, not in its charset, or not JSON of
 * the right shape.
 * Answered 400 with the place where the document broke.
 */
public class StoryUnreadableException extends RuntimeException {

    private final @Nullable JacksonException jsonFailure;

    private StoryUnreadableException(String message, @Nullable JacksonException jsonFailure) {
        super(message, jsonFailure);
        this.jsonFailure = jsonFailure;
    }

    static StoryUnreadableException missingBody() {
        return new StoryUnreadableException("Request body is missing", null);
    }

    static StoryUnreadableException notAnObject() {
        return new StoryUnreadableException("Request body must be a JSON object", null);
    }

    static StoryUnreadableException notInCharset(java.nio.charset.Charset charset) {
        return new StoryUnreadableException("Request body is not valid " + charset.name(), null);
    }

    static StoryUnreadableException malformed(JacksonException failure) {
        return new StoryUnreadableException(failure.getOriginalMessage(), failure);
    }

    /** The parser's failure, with location and field path; absent when the body was missing or null. */
    @Nullable JacksonException jsonFailure() {
        return jsonFailure;
    }
}
