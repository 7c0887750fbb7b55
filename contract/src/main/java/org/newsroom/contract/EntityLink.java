package org.newsroom.contract;

import org.jspecify.annotations.Nullable;

/**
 * Where a named entity is described in public knowledge bases.
 *
 * @param wikidataId the Wikidata item id, such as {@code Q15733006}
 * @param wikipediaUrl the English Wikipedia article, if there is one
 */
public record EntityLink(String wikidataId, @Nullable String wikipediaUrl) {
}
