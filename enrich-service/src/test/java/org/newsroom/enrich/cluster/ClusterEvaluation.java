package org.newsroom.enrich.cluster;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.newsroom.contract.Enrichment;
import org.newsroom.contract.StoryCluster;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.enrichment.ArticleEnricher;
import org.newsroom.enrich.entities.EntityExtractor;
import org.newsroom.enrich.entities.StandardEntityPipeline;
import org.newsroom.enrich.language.OpenNlpLanguageDetector;
import org.newsroom.enrich.related.RelatedArchive;

/**
 * The clustering evaluation command: enriches the labelled set in first-created order with the
 * service's {@link ArticleEnricher} as the service wires it (entity pipeline, language, and the
 * story clusters with the settings of {@code application.yml}; no archive, whose related links
 * clustering does not use) and prints pairwise precision, recall and F1 of the clusters the
 * enrichments carry (a pair of stories counts when both are in one cluster), how many hard
 * negatives were kept apart, and every mistake by gold event. Usage (see the module README):
 *
 * <pre>
 * ./mvnw -B -q -pl enrich-service -am -Pcluster-eval test-compile
 * </pre>
 *
 * Another threshold or window without a rebuild: {@code -Dnewsroom.enrich.cluster.same-event=0.45}.
 */
public final class ClusterEvaluation {

    private final EntityExtractor extractor;
    private final ClusterSettings settings;

    ClusterEvaluation(EntityExtractor extractor, ClusterSettings settings) {
        this.extractor = extractor;
        this.settings = settings;
    }

    public static void main(String[] args) throws IOException {
        EnrichProperties properties = EnrichProperties.fromServiceConfiguration();
        EntityExtractor extractor = StandardEntityPipeline.extractor(properties.ner(),
                AliasTable.load(properties.aliases().resource()));
        Result result = new ClusterEvaluation(extractor, serviceSettings()).evaluate(LabelledStory.load());
        System.out.print(result.report());
    }

    /** The settings of {@code application.yml}, overridden by system properties. */
    static ClusterSettings serviceSettings() {
        return EnrichProperties.serviceConfiguration("newsroom.enrich.cluster", ClusterSettings.class);
    }

    Result evaluate(List<LabelledStory> stories) {
        ArticleEnricher enricher = new ArticleEnricher(extractor, new OpenNlpLanguageDetector(), RelatedArchive.NONE,
                new LiveClusters(settings), Clock.systemUTC());
        Map<String, String> predicted = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        Map<String, Set<String>> salient = new HashMap<>();
        for (LabelledStory story : stories) {
            Enrichment enrichment = enricher.enrich(story.event()).enrichment();
            StoryCluster cluster = Objects.requireNonNull(enrichment.cluster(), "every enrichment has a cluster");
            predicted.put(story.uri(), cluster.id());
            reasons.put(story.uri(), cluster.reason());
            salient.put(story.uri(), SalientEntity.mostSalient(enrichment.entities(), settings.salientEntities()).stream()
                    .map(SalientEntity::key).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
        }
        return new Result(stories, predicted, reasons, salient, settings);
    }

    /**
     * The scores of one run.
     *
     * @param predicted the cluster id given to each story uri
     * @param reasons the clusterer's reason for each story uri
     * @param salient each story's most salient entity keys, which define the hard negatives
     */
    record Result(List<LabelledStory> stories, Map<String, String> predicted, Map<String, String> reasons,
            Map<String, Set<String>> salient, ClusterSettings settings) {

        int truePairs() {
            return countPairs(true, true);
        }

        int predictedPairs() {
            return countPairs(false, true);
        }

        int goldPairs() {
            return countPairs(true, false);
        }

        double precision() {
            return predictedPairs() == 0 ? 1 : truePairs() / (double) predictedPairs();
        }

        double recall() {
            return goldPairs() == 0 ? 1 : truePairs() / (double) goldPairs();
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /**
         * Pairs of stories about different events that share at least one salient entity and were
         * first created within the window of each other: the ones a name-based clusterer merges.
         */
        List<LabelledStory[]> hardNegatives() {
            List<LabelledStory[]> pairs = new ArrayList<>();
            forEachPair((a, b) -> {
                if (!a.cluster().equals(b.cluster()) && withinWindow(a, b)
                        && salient.get(a.uri()).stream().anyMatch(salient.get(b.uri())::contains)) {
                    pairs.add(new LabelledStory[] {a, b});
                }
            });
            return pairs;
        }

        long hardNegativesKeptApart() {
            return hardNegatives().stream().filter(pair -> !sameCluster(pair[0], pair[1])).count();
        }

        String report() {
            StringBuilder out = new StringBuilder();
            long events = stories.stream().map(LabelledStory::cluster).distinct().count();
            out.append(String.format(Locale.ROOT, "threshold   same event at %.2f, window %s%n", settings.sameEvent(),
                    settings.window()));
            out.append(String.format(Locale.ROOT, "set         %d stories, %d gold events, %d gold pairs%n",
                    stories.size(), events, goldPairs()));
            out.append(String.format(Locale.ROOT, "clusters    %d predicted, %d predicted pairs, %d correct%n",
                    predicted.values().stream().distinct().count(), predictedPairs(), truePairs()));
            out.append(String.format(Locale.ROOT, "pairwise    precision %.4f  recall %.4f  f1 %.4f%n",
                    precision(), recall(), f1()));
            out.append(String.format(Locale.ROOT, "hard negatives kept apart  %d of %d (different events, a shared salient entity, within %s)%n",
                    hardNegativesKeptApart(), hardNegatives().size(), settings.window()));
            Map<String, List<LabelledStory>> byEvent = new LinkedHashMap<>();
            stories.forEach(story -> byEvent.computeIfAbsent(story.cluster(), key -> new ArrayList<>()).add(story));
            byEvent.forEach((event, members) -> {
                List<String> mistakes = new ArrayList<>();
                for (LabelledStory story : members) {
                    boolean splitOff = members.stream().anyMatch(other -> other != story && !sameCluster(story, other))
                            && members.get(0) != story && !sameCluster(story, members.get(0));
                    List<String> mergedWith = stories.stream()
                            .filter(other -> !other.cluster().equals(event) && sameCluster(story, other)
                                    && other.firstCreated().isBefore(story.firstCreated()))
                            .map(other -> other.cluster()).distinct().toList();
                    if (splitOff || !mergedWith.isEmpty()) {
                        mistakes.add(String.format(Locale.ROOT, "  %s %s: %s%s%n    %s%n    salient: %s%n",
                                splitOff ? "split" : "     ", story.partner(), story.headline(),
                                mergedWith.isEmpty() ? "" : " [merged with " + String.join(", ", mergedWith) + "]",
                                reasons.get(story.uri()), String.join(", ", salient.get(story.uri()))));
                    }
                }
                if (!mistakes.isEmpty()) {
                    out.append("mistakes in ").append(event).append(String.format(Locale.ROOT, " (%d stories)%n", members.size()));
                    mistakes.forEach(out::append);
                }
            });
            return out.toString();
        }

        private boolean sameCluster(LabelledStory a, LabelledStory b) {
            return predicted.get(a.uri()).equals(predicted.get(b.uri()));
        }

        private boolean withinWindow(LabelledStory a, LabelledStory b) {
            return java.time.Duration.between(a.firstCreated(), b.firstCreated()).abs().compareTo(settings.window()) <= 0;
        }

        private int countPairs(boolean gold, boolean clustered) {
            int[] count = {0};
            forEachPair((a, b) -> {
                if ((!gold || a.cluster().equals(b.cluster())) && (!clustered || sameCluster(a, b))) {
                    count[0]++;
                }
            });
            return count[0];
        }

        private void forEachPair(java.util.function.BiConsumer<LabelledStory, LabelledStory> action) {
            for (int i = 0; i < stories.size(); i++) {
                for (int j = i + 1; j < stories.size(); j++) {
                    action.accept(stories.get(i), stories.get(j));
                }
            }
        }
    }
}
