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
 * @param related earlier related articles and links, each with a uri
 * @param keywords the terms that characterize the article, most characteristic first; empty in
 *        enrichments made before they were computed
 * @param enrichedAt when the enrichment was computed
 * @param entitiesOmitted why {@code entities} is empty on purpose, such as a story in a language
 *        the recognizer has no model for; absent when entities were recognized (a new optional
 *        field of schema version 1)
 * @param unresolvedHints titles of the partner's read-more hints that no archived article
 *        matched, in the partner's order: a title without a link, so not in {@code related};
 *        empty in enrichments made before it existed (a new optional field of schema version 1)
 * @param cluster the story cluster of the article (an article alone has one of its own); absent
 *        for a kill, which leaves its cluster, where clustering does not run and in enrichments
 *        made before it existed (a new optional field of schema version 1)
 */
public record Enrichment(String enrichmentVersion, @Nullable String language, List<Entity> entities,
        List<RelatedLink> related, List<String> keywords, Instant enrichedAt, @Nullable String entitiesOmitted,
        List<String> unresolvedHints, @Nullable StoryCluster cluster) {

    /** Enrichments written before {@code keywords} or {@code unresolvedHints} existed read with none (JSON gives null). */
    public Enrichment {
        entities = List.copyOf(entities);
        related = List.copyOf(related);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        unresolvedHints = unresolvedHints == null ? List.of() : List.copyOf(unresolvedHints);
    }

    /** An enrichment whose entities were recognized and whose hints all resolved. */
    public Enrichment(String enrichmentVersion, @Nullable String language, List<Entity> entities,
            List<RelatedLink> related, List<String> keywords, Instant enrichedAt) {
        this(enrichmentVersion, language, entities, related, keywords, enrichedAt, null, List.of(), null);
    }
}
