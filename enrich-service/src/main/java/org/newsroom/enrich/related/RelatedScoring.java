package org.newsroom.enrich.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.lucene.util.BytesRef;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityLink;
import org.newsroom.contract.RelatedLink;

/**
 * Scores an archive search's candidates against one article on an absolute scale, with the reason
 * a reader sees: the cosine of the tf-idf vectors of the two texts and the cosine of the salience
 * vectors of their linked entities, their mean (or the text cosine alone when the article has no
 * linked entity). The reason names the shared entities, most weighty first, and the terms that add
 * most to the text cosine, leaving out words of the shared entities' names, which the reason
 * already shows. One instance per search: it keeps the article's term weights in the search's
 * {@link DocumentFrequencies}.
 */
final class RelatedScoring {

    private static final int REASON_TERMS = 3;
    private static final Comparator<Map.Entry<String, Double>> HIGHEST_FIRST =
            Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final DocumentFrequencies idf;
    private final double queryNorm;
    private final Map<String, Double> weights;
    private final Map<String, String> names = new HashMap<>();

    /**
     * @param frequencies the article's term frequencies
     * @param idf the search's document frequencies, which keep the article's term weights
     * @param entities the article's entities
     */
    RelatedScoring(Map<String, Integer> frequencies, DocumentFrequencies idf, List<Entity> entities) {
        this.idf = idf;
        this.queryNorm = queryNorm(frequencies, idf);
        this.weights = linkedSalience(entities);
        for (Entity entity : entities) {
            EntityLink link = entity.link();
            if (link != null) {
                names.putIfAbsent(link.wikidataId(), entity.name());
            }
        }
    }

    /** The article's linked entities by Wikidata id with their salience. */
    Map<String, Double> entityWeights() {
        return weights;
    }

    /** The candidate's score against the article, and why. */
    RelatedLink score(Candidate candidate) {
        Map<String, Double> archived = candidate.entityWeights();
        Map<String, Double> shared = new HashMap<>();
        weights.forEach((qid, weight) -> {
            Double other = archived.get(qid);
            if (other != null) {
                shared.put(qid, weight * other);
            }
        });
        List<String> sharedNames = top(shared, Integer.MAX_VALUE).stream()
                .map(qid -> names.getOrDefault(qid, qid)).toList();
        Set<String> nameWords = sharedNames.stream()
                .flatMap(name -> Arrays.stream(NON_WORD.split(name.toLowerCase(Locale.ROOT))))
                .collect(Collectors.toSet());
        // The candidate's tf-idf vector in one pass over its term vector: its norm, the dot product
        // with the article's, and the shared terms that add most to it. Terms stay bytes, as the
        // index gives them: only a term that may enter the reason becomes a string.
        TermVector vector = candidate.text();
        TopWeights reasonTerms = new TopWeights(REASON_TERMS);
        double dot = 0;
        double candidateNormSquared = 0;
        BytesRef term = new BytesRef();
        for (int i = 0; i < vector.size(); i++) {
            DocumentFrequencies.TermStatistics statistics = idf.of(vector.term(i, term));
            double weight = vector.frequency(i) * statistics.idf;
            candidateNormSquared += weight * weight;
            if (statistics.queryWeight > 0) {
                double contribution = statistics.queryWeight * weight;
                dot += contribution;
                if (reasonTerms.mayTake(contribution)) {
                    String text = term.utf8ToString();
                    if (!nameWords.contains(text)) {
                        reasonTerms.offer(text, contribution);
                    }
                }
            }
        }
        double candidateNorm = Math.sqrt(candidateNormSquared);
        double textCosine = queryNorm == 0 || candidateNorm == 0 ? 0 : dot / (queryNorm * candidateNorm);
        double score = textCosine;
        if (!weights.isEmpty()) {
            double entityCosine = archived.isEmpty() ? 0
                    : shared.values().stream().mapToDouble(Double::doubleValue).sum() / (norm(weights) * norm(archived));
            score = (textCosine + entityCosine) / 2;
        }
        return new RelatedLink(candidate.uri(), candidate.headline(), Math.round(Math.min(1, score) * 1000) / 1000.0,
                reason(sharedNames, reasonTerms.keys()));
    }

    static String reason(List<String> entityNames, List<String> terms) {
        List<String> parts = new ArrayList<>();
        if (!entityNames.isEmpty()) {
            parts.add("shared entities: " + String.join(", ", entityNames));
        }
        if (!terms.isEmpty()) {
            parts.add("shared terms: " + String.join(", ", terms));
        }
        return String.join("; ", parts);
    }

    /** The keys of the highest weights, highest first, equal weights by key. */
    private static List<String> top(Map<String, Double> weights, int limit) {
        TopWeights best = new TopWeights(limit);
        weights.forEach(best::offer);
        return best.keys();
    }

    /** Linked entities by Wikidata id with their salience; unlinked entities cannot be compared. */
    static Map<String, Double> linkedSalience(List<Entity> entities) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Entity entity : entities) {
            EntityLink link = entity.link();
            if (link != null && entity.salience() > 0) {
                weights.merge(link.wikidataId(), entity.salience(), Math::max);
            }
        }
        return weights;
    }

    private static double norm(Map<String, Double> weights) {
        return Math.sqrt(weights.values().stream().mapToDouble(weight -> weight * weight).sum());
    }

    /** The article's text as tf-idf weights, each kept in its term's statistics for the search: their norm. */
    private static double queryNorm(Map<String, Integer> frequencies, DocumentFrequencies idf) {
        double normSquared = 0;
        for (Map.Entry<String, Integer> entry : frequencies.entrySet()) {
            DocumentFrequencies.TermStatistics statistics = idf.of(new BytesRef(entry.getKey()));
            statistics.queryWeight = entry.getValue() * statistics.idf;
            normSquared += statistics.queryWeight * statistics.queryWeight;
        }
        return Math.sqrt(normSquared);
    }

    /**
     * The keys of the highest weights offered, highest first, equal weights by key. Only
     * {@code limit} entries are kept in hand, since a candidate may share hundreds of terms.
     */
    private static final class TopWeights {

        private final int limit;
        private final List<Map.Entry<String, Double>> best = new ArrayList<>();

        TopWeights(int limit) {
            this.limit = limit;
        }

        /** Whether a key of this weight could be kept: cheaper to ask than to build the key. */
        boolean mayTake(double weight) {
            return best.size() < limit || weight >= best.get(best.size() - 1).getValue();
        }

        void offer(String key, double weight) {
            Map.Entry<String, Double> entry = Map.entry(key, weight);
            if (best.size() < limit || HIGHEST_FIRST.compare(entry, best.get(best.size() - 1)) < 0) {
                int at = 0;
                while (at < best.size() && HIGHEST_FIRST.compare(best.get(at), entry) < 0) {
                    at++;
                }
                best.add(at, entry);
                if (best.size() > limit) {
                    best.remove(best.size() - 1);
                }
            }
        }

        List<String> keys() {
            return best.stream().map(Map.Entry::getKey).toList();
        }
    }

    /** What the rescoring needs of an archived article, kept in the {@link CandidateCache}. */
    record Candidate(String uri, String headline, Map<String, Double> entityWeights, TermVector text) {
    }
}
