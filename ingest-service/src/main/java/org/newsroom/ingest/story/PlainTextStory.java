package org.newsroom.ingest.story;

import java.util.List;

/**
 * A plain-text story read into the native request, plus what the text carries that the article
 * event has no field for yet.
 *
 * @param request the story as if the partner had posted native JSON
 * @param relatedTitles the titles of "Read more <title> →" lines, in order: hints at related stories
 *        that the contract cannot carry yet, so they are only logged for now
 */
record PlainTextStory(StoryRequest request, List<String> relatedTitles) {

    PlainTextStory {
        relatedTitles = List.copyOf(relatedTitles);
    }
}
