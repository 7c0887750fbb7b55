package org.newsroom.publish.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.newsroom.contract.Entity;

/**
 * The keys an entity can be looked up by: its lower-cased name and, when linked, its lower-cased
 * Wikidata id. One normalisation for stored articles, query parameters and stream filters, so that
 * "Q567", "q567" and "angela merkel" all find Angela Merkel.
 */
public final class EntityKeys {

    private EntityKeys() {
    }

    public static List<String> of(Entity entity) {
        List<String> keys = new ArrayList<>(2);
        keys.add(normalize(entity.name()));
        if (entity.link() != null) {
            keys.add(normalize(entity.link().wikidataId()));
        }
        return keys;
    }

    public static String normalize(String nameOrQid) {
        return nameOrQid.strip().toLowerCase(Locale.ROOT);
    }
}
