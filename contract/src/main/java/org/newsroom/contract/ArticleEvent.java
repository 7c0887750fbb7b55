package org.newsroom.contract;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A story accepted from a partner, as ingest-service writes it to {@link Topics#ARTICLES}.
 *
 * @param schemaVersion the version of this record's schema, {@link #SCHEMA_VERSION} when written
 * @param eventId unique id of this event; the message id returned to the partner
 * @param action what this event does to the article
 * @param uri the story's stable identifier, also the Kafka key
 * @param version the editorial version; a higher version replaces a lower one
 * @param headline the headline as plain text
 * @param body the body as plain text, paragraphs separated by blank lines
 * @param source who the story is attributed to (agency or publisher)
 * @param partnerId the partner that pushed the story
 * @param language BCP 47 language tag if the partner declared it
 * @param firstCreated when the story was first created, as declared by the partner
 * @param receivedAt when ingest-service accepted the story
 * @param relatedHints titles of related stories the partner pointed to (its "Read more" lines), in
 *        its order; empty when it named none, or in events written before the field existed
 */
public record ArticleEvent(
        int schemaVersion,
        String eventId,
        ArticleAction action,
        String uri,
        long version,
        String headline,
        String body,
        String source,
        String partnerId,
        @Nullable String language,
        Instant firstCreated,
        Instant receivedAt,
        List<String> relatedHints) {

    public static final int SCHEMA_VERSION = 1;

    /** Events written before {@code relatedHints} existed read with none (JSON gives null). */
    public ArticleEvent {
        relatedHints = relatedHints == null ? List.of() : List.copyOf(relatedHints);
    }
}
