package org.newsroom.ingest.status;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleIds;
import org.newsroom.ingest.ledger.LedgerEntry;

/**
 * How far the latest accepted version of a story has come.
 *
 * @param uri the story's uri
 * @param articleId the public id under which publish-service serves it
 * @param state {@value #ACCEPTED}, {@value #ENRICHED} or {@value #PUBLISHED}: the furthest stage the
 *        latest accepted version reached
 * @param accepted the latest version ingest accepted, with its message id
 * @param enriched the newest version enrich-service enriched, if any
 * @param published the newest version publish-service put on the live stream, if any
 */
public record StoryStatus(String uri, String articleId, String state, Accepted accepted,
        @Nullable StageReached enriched, @Nullable StageReached published) {

    public static final String ACCEPTED = "accepted";

    public static final String ENRICHED = "enriched";

    public static final String PUBLISHED = "published";

    /**
     * @param version the editorial version
     * @param messageId the message id the push was answered with
     * @param at when ingest accepted it
     */
    public record Accepted(long version, String messageId, Instant at) {
    }

    static StoryStatus of(String uri, LedgerEntry accepted, @Nullable StageReached enriched,
            @Nullable StageReached published) {
        long version = accepted.version();
        String state = reached(published, version) ? PUBLISHED : reached(enriched, version) ? ENRICHED : ACCEPTED;
        return new StoryStatus(uri, ArticleIds.fromUri(uri), state,
                new Accepted(version, accepted.eventId(), accepted.receivedAt()), enriched, published);
    }

    private static boolean reached(@Nullable StageReached stage, long version) {
        return stage != null && stage.version() >= version;
    }
}
