package org.newsroom.enrich.aliases;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EntityLink;
import org.newsroom.contract.EntityType;

/**
 * An entity the alias table knows.
 *
 * @param wikidataId its Wikidata id; absent for names the table knows without a verified link
 * @param name the canonical name
 * @param type the entity class
 * @param wikipediaUrl its English Wikipedia article, if known
 */
public record KnownEntity(@Nullable String wikidataId, String name, EntityType type, @Nullable String wikipediaUrl) {

    /** The knowledge-base link, or null: a name known without a Wikidata id is never linked. */
    public @Nullable EntityLink link() {
        return wikidataId == null ? null : new EntityLink(wikidataId, wikipediaUrl);
    }
}
