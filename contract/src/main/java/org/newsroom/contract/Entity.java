package org.newsroom.contract;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A named entity found in an article.
 *
 * @param name the canonical name
 * @param type the entity class
 * @param mentions every occurrence in headline and body, in text order
 * @param salience how central the entity is to the article, in [0, 1]
 * @param confidence how sure the recognizer is that this is an entity of this type, in [0, 1];
 *        absent in enrichments made before it was computed (a new field of schema version 1)
 * @param link the knowledge-base link, absent when the entity is not known for sure
 */
public record Entity(String name, EntityType type, List<Mention> mentions, double salience,
        @Nullable Double confidence, @Nullable EntityLink link) {

    public Entity {
        mentions = List.copyOf(mentions);
    }
}
