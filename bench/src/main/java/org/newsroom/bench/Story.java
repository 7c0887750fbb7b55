package org.newsroom.bench;

import java.time.Instant;
import java.util.List;

import org.newsroom.launcher.StoryJson;

/**
 * A generated partner story.
 *
 * @param uri the story's stable identifier, unique within one bench run
 * @param headline the headline
 * @param body paragraphs separated by blank lines
 * @param source the agency the story is attributed to
 * @param firstCreated the declared creation time
 */
public record Story(String uri, String headline, String body, String source, Instant firstCreated) {

    /** Words of the body, counted as runs of non-blank characters. */
    public int wordCount() {
        return Text.wordCount(body);
    }

    /** The JSON that {@code POST /v1/stories} takes. */
    public String toRequestJson() {
        return new StoryJson(uri, headline, body, source, firstCreated, "en", List.of()).toJson();
    }
}
