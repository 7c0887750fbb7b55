package org.newsroom.enrich.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entity-level precision, recall and F1 as conlleval counts them: a predicted entity is correct
 * only if a gold entity has exactly its span and its class; partial overlaps count as one false
 * positive and one false negative.
 */
public final class EntityScores {

    /** The classes reported one by one. */
    public static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");

    /** The classes the quality bar is set on: MISC is too loosely defined to be a target. */
    public static final Set<String> BAR_TYPES = Set.of("PER", "ORG", "LOC");

    private final Map<String, Counts> byType = new HashMap<>();

    /** Counts one document's gold and predicted entities. */
    public void add(List<LabeledSpan> gold, List<LabeledSpan> predicted) {
        Set<LabeledSpan> goldSet = new HashSet<>(gold);
        Set<LabeledSpan> predictedSet = new HashSet<>(predicted);
        for (LabeledSpan span : goldSet) {
            counts(span.type()).gold++;
        }
        for (LabeledSpan span : predictedSet) {
            Counts counts = counts(span.type());
            counts.predicted++;
            if (goldSet.contains(span)) {
                counts.correct++;
            }
        }
    }

    /** The score of one class. */
    public Score of(String type) {
        return byType.getOrDefault(type, new Counts()).score(type);
    }

    /** The micro-averaged score of the given classes, named {@code label}. */
    public Score over(String label, Set<String> types) {
        Counts sum = new Counts();
        byType.forEach((type, counts) -> {
            if (types.contains(type)) {
                sum.gold += counts.gold;
                sum.predicted += counts.predicted;
                sum.correct += counts.correct;
            }
        });
        return sum.score(label);
    }

    /** All classes together, including any beyond the four CoNLL ones. */
    public Score overall() {
        return over("overall", byType.keySet());
    }

    /** The table printed by the evaluation command. */
    public String table() {
        StringBuilder table = new StringBuilder(
                String.format(Locale.ROOT, "%-12s %6s %6s %7s %9s %7s %7s%n", "type", "gold", "pred", "correct",
                        "precision", "recall", "f1"));
        for (String type : TYPES) {
            table.append(of(type).row());
        }
        table.append(over("PER+ORG+LOC", BAR_TYPES).row());
        table.append(overall().row());
        return table.toString();
    }

    private Counts counts(String type) {
        return byType.computeIfAbsent(type, ignored -> new Counts());
    }

    private static final class Counts {
        int gold;
        int predicted;
        int correct;

        Score score(String label) {
            return new Score(label, gold, predicted, correct);
        }
    }

    /**
     * The counts of one class or group and the measures computed from them. A measure whose
     * denominator is zero is 0, as in conlleval.
     */
    public record Score(String label, int gold, int predicted, int correct) {

        public double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) correct / gold;
        }

        public double f1() {
            double sum = precision() + recall();
            return sum == 0 ? 0 : 2 * precision() * recall() / sum;
        }

        String row() {
            return String.format(Locale.ROOT, "%-12s %6d %6d %7d %9.4f %7.4f %7.4f%n", label, gold, predicted, correct,
                    precision(), recall(), f1());
        }
    }
}
