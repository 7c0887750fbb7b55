package org.newsroom.enrich.cluster;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.newsroom.contract.Entity;

/**
 * An entity as the clusterer compares it: its name folded so that two partners' spellings of the
 * same canonical name meet, and its salience.
 *
 * @param key the lower-cased canonical name (linked entities already share one)
 * @param name the canonical name, for the reason shown to people
 * @param salience how central it is to the article, in [0, 1]
 */
public record SalientEntity(String key, String name, double salience) {

    /** The {@code limit} most salient entities of an enrichment's list. */
    public static List<SalientEntity> mostSalient(List<Entity> entities, int limit) {
        Map<String, SalientEntity> byKey = new LinkedHashMap<>();
        entities.stream()
                .sorted(Comparator.comparingDouble(Entity::salience).reversed())
                .map(entity -> new SalientEntity(entity.name().toLowerCase(Locale.ROOT), entity.name(), entity.salience()))
                .forEach(entity -> byKey.putIfAbsent(entity.key(), entity));
        return byKey.values().stream().limit(limit).toList();
    }
}
