package org.newsroom.ingest.story;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;

/**
 * The answer to an accepted story.
 *
 * @param messageId the id of the written event; partners quote it when asking about a delivery
 * @param articleId the public id under which the article will be served
 * @param uri the story's uri as stored
 * @param version the story's version as stored
 * @param status always {@value #ACCEPTED}
 */
public record StoryAccepted(String messageId, String articleId, String uri, long version, String status) {

    public static final String ACCEPTED = "accepted";

    static StoryAccepted of(ArticleEvent event) {
        return new StoryAccepted(event.eventId(), ArticleIds.fromUri(event.uri()), event.uri(), event.version(),
                ACCEPTED);
    }
}
