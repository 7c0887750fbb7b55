package org.newsroom.enrich.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How surely two articles report the same event, in [0, 1], and the shared salient entities that
 * a reason names.
 *
 * <p>Two signals, because partners report one event in two ways. A copy or light rewrite shares
 * long runs of words: the MinHash estimate of the shingles' Jaccard similarity, turned into how
 * much of the shorter text the longer one contains, is then near 1 and decides alone. A report in
 * other words (a 60-word flash against the full story, a publisher's own piece) still shares the
 * event's particular words (the figures, the places, the score, the quoted phrase) and its
 * salient entities; a story about the same people but another event shares the names and not
 * the particulars. So the rest of the score is content-word overlap, each word weighted by its rarity in the
 * window ({@link WordWeights}), (a mean of the overlap
 * coefficient, fair to a short flash, and the cosine of the word sets, fair to two long stories)
 * weighted {@value #WORDS}, plus salience-weighted entity overlap weighted {@value #ENTITIES}.
 * Shared names alone prove little (the hard cases share them all), and reports of one event
 * follow each other within hours while the same people's next event comes a day later: so this
 * part is scaled down linearly with the time between the two, to {@code 1 - }{@value #LATER} of
 * itself at the window's edge. A near-duplicate is not: a copy is a copy however late.
 *
 * @param score the score
 * @param nearDuplicate how much of the shorter text the longer one contains, estimated from shingles
 * @param words the content-word similarity
 * @param entities the salient-entity similarity
 * @param shared the names of the shared salient entities, most salient first
 */
public record SameEventScore(double score, double nearDuplicate, double words, double entities, List<String> shared) {

    static final double WORDS = 0.7;
    static final double ENTITIES = 0.3;
    static final double LATER = 0.5;
    private static final int NAMED_IN_REASON = 3;

    static SameEventScore between(Fingerprint article, double[] weights, Fingerprint earlier, Duration window) {
        double nearDuplicate = containment(article, earlier);
        double words = wordSimilarity(article, weights, earlier);
        Map<String, SalientEntity> earlierEntities = earlier.entities().stream()
                .collect(Collectors.toMap(SalientEntity::key, Function.identity()));
        double sharedSalience = 0;
        double allSalience = 0;
        List<String> shared = new ArrayList<>();
        for (SalientEntity entity : article.entities()) {
            allSalience += entity.salience();
            SalientEntity other = earlierEntities.get(entity.key());
            if (other != null) {
                sharedSalience += entity.salience() + other.salience();
                shared.add(entity.name());
            }
        }
        for (SalientEntity entity : earlier.entities()) {
            allSalience += entity.salience();
        }
        double entities = allSalience == 0 ? 0 : sharedSalience / allSalience;
        double apart = Math.min(1, Duration.between(earlier.firstCreated(), article.firstCreated()).abs().toMinutes()
                / (double) window.toMinutes());
        double score = Math.max(nearDuplicate, (WORDS * words + ENTITIES * entities) * (1 - LATER * apart));
        return new SameEventScore(Math.min(1, score), nearDuplicate, words, entities, List.copyOf(shared));
    }

    /** {@code "same event: 0.91; shared: Google DeepMind, A24"}, or with another verdict. */
    String reason(String verdict) {
        StringBuilder reason = new StringBuilder(String.format(Locale.ROOT, "%s: %.2f", verdict, score));
        if (!shared.isEmpty()) {
            reason.append("; shared: ").append(String.join(", ", shared.subList(0, Math.min(NAMED_IN_REASON, shared.size()))));
        }
        if (nearDuplicate >= score) {
            reason.append("; near-duplicate text");
        }
        return reason.toString();
    }

    private static double containment(Fingerprint a, Fingerprint b) {
        double jaccard = MinHash.similarity(a.signature(), b.signature());
        int smaller = Math.min(a.shingles(), b.shingles());
        if (jaccard == 0 || smaller == 0) {
            return 0;
        }
        // |A ∩ B| = J (|A| + |B|) / (1 + J)
        return Math.min(1, jaccard * (a.shingles() + b.shingles()) / ((1 + jaccard) * smaller));
    }

    private static double wordSimilarity(Fingerprint a, double[] weights, Fingerprint b) {
        if (a.weight() == 0 || b.weight() == 0) {
            return 0;
        }
        double shared = Fingerprint.sharedWeight(a.words(), weights, b.words());
        double overlap = Math.min(1, shared / Math.min(a.weight(), b.weight()));
        double cosine = Math.min(1, shared / Math.sqrt(a.weight() * b.weight()));
        return (overlap + cosine) / 2;
    }
}
