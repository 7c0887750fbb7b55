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
 * @param keywords the terms that characterize the article, most characteristic first; empty in
 *        enrichments made before they were computed
 * @param enrichedAt when the enrichment was computed
 * @param cluster the story cluster of the article; absent where clustering does not run and in
 *        enrichments made before it existed (a new optional field of schema version 1)
 */
public record Enrichment(String enrichmentVersion, @Nullable String language, List<Entity> entities,
        List<RelatedLink> related, List<String> keywords, Instant enrichedAt, @Nullable StoryCluster cluster) {

    /** An enrichment without a story cluster. */
    public Enrichment(String enrichmentVersion, @Nullable String language, List<Entity> entities,
            List<RelatedLink> related, List<String> keywords, Instant enrichedAt) {
        this(enrichmentVersion, language, entities, related, keywords, enrichedAt, null);
    }

    /** Enrichments written before {@code keywords} existed read with none (JSON gives null). */
    public Enrichment {
        entities = List.copyOf(entities);
        related = List.copyOf(related);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
