package org.newsroom.contract;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What enrich-service adds to an article.
 *
 * @param enrichmentVersion engine and model that produced this enrichment, such as
 *        {@code corenlp-4.5.10/conll.4class}; a new value lets a replay re-enrich without changing
 *        the editorial version
 * @param language detected BCP 47 language, if detection ran
 * @param entities named entities, most salient first
 * @param related earlier related articles
 * @param enrichedAt when the enrichment was computed
 */
public record Enrichment(String enrichmentVersion, @Nullable String language, List<Entity> entities,
        List<RelatedLink> related, Instant enrichedAt) {

    public Enrichment {
        entities = List.copyOf(entities);
        related = List.copyOf(related);
    }
}
