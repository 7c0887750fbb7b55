package org.newsroom.enrich.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.StoryCluster;
import org.newsroom.enrich.cluster.ClusterDecision;
import org.newsroom.enrich.cluster.ClusterSettings;
import org.newsroom.enrich.cluster.InMemoryClusterArchive;
import org.newsroom.enrich.cluster.StoryClusterer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What story clustering costs per article against a full window: {@value #ARCHIVED} newswire
 * articles (300–1500 words, {@link NewswireArticles}) first created within the 48 h window, so
 * that every one of them is still a candidate, then each measured operation clusters one more
 * article (fingerprint, LSH and entity candidates, scoring, placement) and evicts the oldest: the
 * archive stays at {@value #ARCHIVED}. The generated articles are drawn from a small cast, so each
 * name is in about a tenth of them: the entity postings run full ({@code maxPostings}), the
 * candidate search's worst case. Entities are the cast's names found in the text, with a
 * salience from headline and count, since the clusterer's cost does not depend on how they were
 * recognised. Run with the {@code bench} profile (see the module README).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ClusterBenchmark {

    static final int ARCHIVED = 10_000;
    /** Distinct articles to cluster after the archive; then the same texts again, under new uris. */
    static final int DISTINCT = 2_000;
    /** Articles of the in-thread measurement, after as many to warm up. */
    static final int MEASURED = 2_000;

    @State(Scope.Benchmark)
    public static class FullWindow {

        final ClusterSettings settings = ClusterSettings.DEFAULTS;
        final List<ArticleEvent> articles = new ArrayList<>();
        final List<List<Entity>> entities = new ArrayList<>();
        StoryClusterer clusterer;
        InMemoryClusterArchive archive;
        Duration step;
        Instant start;
        int next;
        /** The latest window's decisions, as the enriched topic holds them for a restart. */
        final ArrayDeque<Decided> decided = new ArrayDeque<>();

        @Setup(Level.Trial)
        public void fillTheWindow() {
            Map<EntityType, List<String>> cast = NewswireArticles.cast();
            for (ArticleEvent article : NewswireArticles.generate(ARCHIVED + DISTINCT, NewswireArticles.SEED)) {
                articles.add(article);
                entities.add(castEntities(article, cast));
            }
            step = settings.window().dividedBy(ARCHIVED);
            start = articles.get(0).firstCreated();
            archive = new InMemoryClusterArchive(settings);
            clusterer = new StoryClusterer(settings, archive);
            while (next < ARCHIVED) {
                clusterNext();
            }
        }

        ClusterDecision clusterNext() {
            int index = next < ARCHIVED + DISTINCT ? next : ARCHIVED + (next - ARCHIVED) % DISTINCT;
            ArticleEvent template = articles.get(index);
            // Retimed so that the window holds ARCHIVED articles; renamed when a text comes round again.
            Instant created = start.plus(step.multipliedBy(next));
            ArticleEvent article = new ArticleEvent(template.schemaVersion(), template.eventId() + "/" + next,
                    template.action(), template.uri() + "/" + next, 1, template.headline(), template.body(),
                    template.source(), template.partnerId(), null, created, created, List.of());
            next++;
            ClusterDecision decision = clusterer.accept(article, entities.get(index));
            decided.addLast(new Decided(article, entities.get(index), decision.storyCluster().orElseThrow()));
            if (decided.size() > ARCHIVED) {
                decided.removeFirst();
            }
            return decision;
        }
    }

    record Decided(ArticleEvent article, List<Entity> entities, StoryCluster cluster) {
    }

    @Benchmark
    public ClusterDecision clusterOneArticle(FullWindow window) {
        return window.clusterNext();
    }

    static List<Entity> castEntities(ArticleEvent article, Map<EntityType, List<String>> cast) {
        List<Entity> found = new ArrayList<>();
        int bodyLength = Math.max(1, article.body().length());
        cast.forEach((type, names) -> {
            for (String name : names) {
                int count = 0;
                for (int at = article.body().indexOf(name); at >= 0; at = article.body().indexOf(name, at + 1)) {
                    count++;
                }
                boolean inHeadline = article.headline().contains(name);
                if (count > 0 || inHeadline) {
                    double salience = (inHeadline ? 0.5 : 0) + Math.min(0.3, 0.05 * count)
                            + 0.2 * (1 - Math.max(0, article.body().indexOf(name)) / (double) bodyLength);
                    found.add(new Entity(name, type, List.of(), salience, 0.9, null));
                }
            }
        });
        return found;
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(ClusterBenchmark.class.getName() + "\\.")
                .addProfiler(HeapAndCpuProfiler.class)
                .build()).run();
        for (RunResult run : results) {
            Result score = run.getPrimaryResult();
            System.out.printf(Locale.ROOT,
                    "clusterOneArticle against %,d archived articles: %.1f ± %.1f µs/article, %.3f ms process CPU/article,"
                            + " heap after GC %.1f MiB%n",
                    ARCHIVED, score.getScore(), score.getScoreError(),
                    run.getSecondaryResults().get(HeapAndCpuProfiler.CPU).getScore(),
                    run.getSecondaryResults().get(HeapAndCpuProfiler.USED).getScore());
        }
        inThread();
    }

    /**
     * The same in this thread, by its own CPU time: JMH's process CPU counts the compiler and the
     * collector, and its wall time is the host's load (a shared host runs several builds at once).
     * Filling the window clusters {@value #ARCHIVED} articles, which warms the code up.
     */
    static void inThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        FullWindow window = new FullWindow();
        window.fillTheWindow();
        for (int i = 0; i < MEASURED; i++) {
            window.clusterNext();
        }
        Map<ClusterDecision.Change, Integer> changes = new EnumMap<>(ClusterDecision.Change.class);
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < MEASURED; i++) {
            changes.merge(window.clusterNext().change(), 1, Integer::sum);
        }
        double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / MEASURED;
        System.out.printf(Locale.ROOT, "in-thread       %.0f µs CPU/article over %,d articles against %,d archived (%s)%n",
                micros, MEASURED, window.archive.size(), changes);
        restart(window, threads);
    }

    /**
     * What a restart costs the clusters: adopting the decisions of one full window, as the
     * follower of the enriched topic does (decoding the records not counted), into empty clusters.
     */
    private static void restart(FullWindow window, ThreadMXBean threads) {
        ClusterSettings settings = window.settings;
        StoryClusterer restarted = new StoryClusterer(settings, new InMemoryClusterArchive(settings));
        long cpu = threads.getCurrentThreadCpuTime();
        for (Decided decision : window.decided) {
            restarted.adopt(decision.article(), decision.entities(), decision.cluster());
        }
        double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "restart         adopting a window of %,d decisions: %.2f s CPU (%.0f µs each)%n",
                window.decided.size(), seconds, seconds * 1e6 / window.decided.size());
    }
}
