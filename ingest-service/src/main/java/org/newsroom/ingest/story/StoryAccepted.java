package org.newsroom.ingest.story;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.ingest.ledger.LedgerEntry;
import org.springframework.http.HttpStatus;

/**
 * The answer to an accepted story.
 *
 * @param messageId the id of the written event; partners quote it when asking about a delivery
 * @param articleId the public id under which the article will be served
 * @param uri the story's uri as stored
 * @param version the story's version as stored
 * @param status {@value #ACCEPTED} for a story written now (HTTP 202), {@value #HELD} for one accepted
 *        under embargo (HTTP 202, published at {@code embargoedUntil}), {@value #DUPLICATE} for one
 *        the log already held (HTTP 200, nothing written, the original message id)
 * @param embargoedUntil when a held story will be published; absent for any other
 */
public record StoryAccepted(String messageId, String articleId, String uri, long version, String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant embargoedUntil) {

    public static final String ACCEPTED = "accepted";

    public static final String DUPLICATE = "duplicate";

    public static final String HELD = "held";

    static StoryAccepted of(ArticleEvent event) {
        return new StoryAccepted(event.eventId(), ArticleIds.fromUri(event.uri()), event.uri(), event.version(),
                ACCEPTED, null);
    }

    static StoryAccepted heldUntil(ArticleEvent event, Instant embargoedUntil) {
        return new StoryAccepted(event.eventId(), ArticleIds.fromUri(event.uri()), event.uri(), event.version(),
                HELD, embargoedUntil);
    }

    static StoryAccepted duplicateOf(String uri, LedgerEntry stored) {
        return new StoryAccepted(stored.eventId(), ArticleIds.fromUri(uri), uri, stored.version(), DUPLICATE, null);
    }

    /** 200 for a duplicate, which changed nothing; 202 for a story that is queued for processing. */
    public HttpStatus answeredWith() {
        return DUPLICATE.equals(status) ? HttpStatus.OK : HttpStatus.ACCEPTED;
    }
}
