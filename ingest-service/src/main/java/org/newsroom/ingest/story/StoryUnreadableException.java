package org.newsroom.ingest.story;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;

/**
 * A request body that is not a story document at all: missing, not in its charset, not JSON of
 * the right shape, or not a well-formed RSS or Atom document.
 * Answered 400 with the place where the document broke.
 */
public class StoryUnreadableException extends RuntimeException {

    private final @Nullable JacksonException jsonFailure;

    private StoryUnreadableException(String message, @Nullable JacksonException jsonFailure) {
        super(message, jsonFailure);
        this.jsonFailure = jsonFailure;
    }

    public static StoryUnreadableException missingBody() {
        return new StoryUnreadableException("Request body is missing", null);
    }

    public static StoryUnreadableException notAnObject() {
        return new StoryUnreadableException("Request body must be a JSON object", null);
    }

    public static StoryUnreadableException notInCharset(java.nio.charset.Charset charset) {
        return new StoryUnreadableException("Request body is not valid " + charset.name(), null);
    }

    public static StoryUnreadableException malformedXml(@Nullable String reason, int line, int column) {
        String where = line < 1 ? "" : " at line " + line + (column < 1 ? "" : ", column " + column);
        return new StoryUnreadableException("Malformed XML" + where + ": " + reason, null);
    }

    public static StoryUnreadableException notAFeed(String rootElement) {
        return new StoryUnreadableException(
                "XML body must be an RSS 2.0 <rss> or Atom <feed> document, not <" + rootElement + ">", null);
    }

    public static StoryUnreadableException emptyFeed() {
        return new StoryUnreadableException("The feed has no item or entry", null);
    }

    public static StoryUnreadableException malformed(JacksonException failure) {
        return new StoryUnreadableException(failure.getOriginalMessage(), failure);
    }

    /** The parser's failure, with location and field path; absent when the body was missing or null. */
    public @Nullable JacksonException jsonFailure() {
        return jsonFailure;
    }
}
