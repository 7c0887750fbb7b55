package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;

/**
 * Groups recognized mentions into entities and ranks them by salience. Independent of the NER
 * engine, so every recognizer gets the same, predictable ranking.
 *
 * <p>Mentions belong to the same entity when they have the same type and the same text, compared
 * case-insensitively with runs of whitespace collapsed. The entity's name is its most frequent
 * surface form (the earliest one on a tie).
 *
 * <p>Salience is a weighted sum of three signals, each in [0, 1], rounded to three decimals:
 * <pre>
 * salience = 0.5 * headline + 0.3 * frequency + 0.2 * earliness
 * headline  = 1 if the entity is mentioned in the headline, else 0
 * frequency = mentions of the entity / mentions of the most mentioned entity of the article
 * earliness = 1 if the first mention is in the headline,
 *             else 1 - (start of the first body mention / body length)
 * </pre>
 * The headline weighs most because editors put the subject of a story there; frequency and
 * position in the body separate the entities that are not in the headline. Entities are sorted by
 * salience, most salient first, then by their first mention in text order.
 */
public final class EntityRanker {

    static final double HEADLINE_WEIGHT = 0.5;
    static final double FREQUENCY_WEIGHT = 0.3;
    static final double EARLINESS_WEIGHT = 0.2;

    private static final Comparator<Mention> TEXT_ORDER =
            Comparator.comparing(Mention::field).thenComparingInt(Mention::start);

    private EntityRanker() {
    }

    /**
     * The entities of an article, most salient first, each with its mentions in text order.
     *
     * @param mentions the recognized mentions in headline and body
     * @param bodyLength the length of the body the body mentions refer to
     */
    public static List<Entity> rank(List<RecognizedMention> mentions, int bodyLength) {
        Map<EntityKey, List<Mention>> mentionsByEntity = new LinkedHashMap<>();
        mentions.stream()
                .sorted(Comparator.comparing(RecognizedMention::mention, TEXT_ORDER))
                .forEach(recognized -> mentionsByEntity
                        .computeIfAbsent(EntityKey.of(recognized), key -> new ArrayList<>())
                        .add(recognized.mention()));
        int mostMentions = mentionsByEntity.values().stream().mapToInt(List::size).max().orElse(1);
        return mentionsByEntity.entrySet().stream()
                .map(entry -> new Entity(canonicalName(entry.getValue()), entry.getKey().type(), entry.getValue(),
                        salience(entry.getValue(), mostMentions, bodyLength), null))
                .sorted(Comparator.comparingDouble(Entity::salience).reversed()
                        .thenComparing(entity -> entity.mentions().get(0), TEXT_ORDER))
                .toList();
    }

    static double salience(List<Mention> mentionsInTextOrder, int mostMentions, int bodyLength) {
        Mention first = mentionsInTextOrder.get(0);
        boolean inHeadline = first.field() == TextField.HEADLINE;
        double frequency = (double) mentionsInTextOrder.size() / mostMentions;
        double earliness = inHeadline || bodyLength == 0 ? 1.0 : 1.0 - (double) first.start() / bodyLength;
        double salience = HEADLINE_WEIGHT * (inHeadline ? 1.0 : 0.0) + FREQUENCY_WEIGHT * frequency
                + EARLINESS_WEIGHT * earliness;
        return Math.round(salience * 1000) / 1000.0;
    }

    private static String canonicalName(List<Mention> mentionsInTextOrder) {
        Map<String, Long> countsBySurfaceForm = mentionsInTextOrder.stream()
                .map(mention -> collapseWhitespace(mention.text()))
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return countsBySurfaceForm.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue())
                .orElseThrow()
                .getKey();
    }

    private static String collapseWhitespace(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private record EntityKey(String normalizedText, EntityType type) {

        static EntityKey of(RecognizedMention recognized) {
            return new EntityKey(collapseWhitespace(recognized.mention().text()).toLowerCase(Locale.ROOT),
                    recognized.type());
        }
    }
}
