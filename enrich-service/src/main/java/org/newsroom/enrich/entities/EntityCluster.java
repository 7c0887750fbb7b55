package org.newsroom.enrich.entities;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EntityLink;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;

/**
 * Mentions that refer to one entity, before ranking.
 *
 * @param name the name to publish
 * @param type the entity class
 * @param mentions every mention, in text order
 * @param confidence how sure the recognition is that this is a {@code type} entity, in [0, 1]
 * @param link the knowledge-base link, if the entity is known
 */
public record EntityCluster(String name, EntityType type, List<Mention> mentions, double confidence,
        @Nullable EntityLink link) {

    public EntityCluster {
        mentions = List.copyOf(mentions);
    }

    EntityCluster withNameAndLink(String canonicalName, @Nullable EntityLink knownLink) {
        return new EntityCluster(canonicalName, type, mentions, confidence, knownLink);
    }
}
