package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.newsroom.contract.Entity;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;

/**
 * Ranks entities by salience. Independent of the NER engine, so every recognizer gets the same,
 * predictable ranking.
 *
 * <p>Salience is a weighted sum of three signals, each in [0, 1], rounded to three decimals:
 * <pre>
 * salience = 0.5 * headline + 0.3 * frequency + 0.2 * earliness
 * headline  = 1 if the entity is mentioned in the headline, else 0
 * frequency = mentions of the entity / mentions of the most mentioned entity of the article,
 *             where the pronouns that refer to a person count as its mentions ({@link PronounReferences})
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

    private static final MentionClusterer UNLINKED = new MentionClusterer(name -> Optional.empty());

    private EntityRanker() {
    }

    /**
     * The entities of recognized mentions, grouped by {@link MentionClusterer} without an alias
     * table, most salient first.
     *
     * @param mentions the recognized mentions in headline and body
     * @param bodyLength the length of the body the body mentions refer to
     */
    public static List<Entity> rank(List<RecognizedMention> mentions, int bodyLength) {
        return rankClusters(UNLINKED.cluster(mentions), bodyLength);
    }

    /** The given entities, most salient first, each with its mentions in text order. */
    public static List<Entity> rankClusters(List<EntityCluster> clusters, int bodyLength) {
        return rankClusters(clusters, new int[clusters.size()], bodyLength);
    }

    /**
     * The given entities, most salient first, each with its mentions in text order.
     *
     * @param pronounReferences for each cluster, in order, the pronouns that refer to it, which
     *        count as mentions in its frequency (and only there)
     */
    public static List<Entity> rankClusters(List<EntityCluster> clusters, int[] pronounReferences, int bodyLength) {
        int mostMentions = 1;
        for (int i = 0; i < clusters.size(); i++) {
            mostMentions = Math.max(mostMentions, clusters.get(i).mentions().size() + pronounReferences[i]);
        }
        List<Entity> entities = new ArrayList<>(clusters.size());
        for (int i = 0; i < clusters.size(); i++) {
            EntityCluster cluster = clusters.get(i);
            entities.add(new Entity(cluster.name(), cluster.type(), cluster.mentions(),
                    salience(cluster.mentions(), pronounReferences[i], mostMentions, bodyLength),
                    cluster.confidence(), cluster.link()));
        }
        entities.sort(Comparator.comparingDouble(Entity::salience).reversed()
                .thenComparing(entity -> entity.mentions().get(0), TEXT_ORDER));
        return List.copyOf(entities);
    }

    static double salience(List<Mention> mentionsInTextOrder, int pronounReferences, int mostMentions,
            int bodyLength) {
        Mention first = mentionsInTextOrder.get(0);
        boolean inHeadline = first.field() == TextField.HEADLINE;
        double frequency = (double) (mentionsInTextOrder.size() + pronounReferences) / mostMentions;
        double earliness = inHeadline || bodyLength == 0 ? 1.0 : 1.0 - (double) first.start() / bodyLength;
        double salience = HEADLINE_WEIGHT * (inHeadline ? 1.0 : 0.0) + FREQUENCY_WEIGHT * frequency
                + EARLINESS_WEIGHT * earliness;
        return Math.round(salience * 1000) / 1000.0;
    }
}
