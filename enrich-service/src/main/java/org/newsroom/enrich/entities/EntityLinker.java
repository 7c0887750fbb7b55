package org.newsroom.enrich.entities;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.newsroom.contract.Mention;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.aliases.KnownEntity;

/**
 * Gives entities the alias table knows their canonical name and link. A name is looked up as
 * written in any of the entity's mentions, longest first; the table's entry counts only if its
 * type is the entity's type, because "Washington" the person must not link to the city. Entities
 * the table does not know keep their written name and no link: no link is better than a wrong one.
 */
public final class EntityLinker {

    private final AliasTable aliases;

    public EntityLinker(AliasTable aliases) {
        this.aliases = aliases;
    }

    public List<EntityCluster> link(List<EntityCluster> clusters) {
        return clusters.stream().map(this::link).toList();
    }

    private EntityCluster link(EntityCluster cluster) {
        return knownEntity(cluster)
                .map(known -> cluster.withNameAndLink(known.name(), known.link()))
                .orElse(cluster);
    }

    private Optional<KnownEntity> knownEntity(EntityCluster cluster) {
        return Stream.concat(Stream.of(cluster.name()), cluster.mentions().stream()
                        .map(Mention::text)
                        .sorted(Comparator.comparingInt(String::length).reversed()))
                .map(aliases::lookup)
                .flatMap(Optional::stream)
                .filter(known -> known.type() == cluster.type())
                .findFirst();
    }
}
