package org.newsroom.enrich.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.enrichment.ArticleEnricher;
import org.newsroom.enrich.cluster.ClusterSettings;
import org.newsroom.enrich.cluster.LiveClusters;
import org.newsroom.enrich.entities.ArchiveEntityFinder;
import org.newsroom.enrich.entities.CoreNlpEntityRecognizer;
import org.newsroom.enrich.entities.StandardEntityPipeline;
import org.newsroom.enrich.language.OpenNlpLanguageDetector;
import org.newsroom.enrich.related.LuceneArchive;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What our enrichment costs on top of the NER engine it is built on, measured in one run on the
 * same {@link NewswireArticles}:
 * <ul>
 * <li>{@link #bareCoreNlp}: the CoreNLP pipeline alone ({@code tokenize,ssplit,ner}, the 4-class
 * CRF, exactly the recognizer's properties), headline and body as two documents like the service;
 * <li>{@link #fullEnrichment}: {@link ArticleEnricher#enrich} as the service runs it: entities with
 * gazetteer, filters, grouping, linking and salience, language detection (the articles declare
 * none), and related links from an archive index that holds the other articles.
 * </ul>
 * Each invocation handles all articles, so the score is articles per second. The ratio full/bare
 * shows how much of the engine's throughput our own code gives away; the target is at least 0.85.
 * Each benchmark runs in a JVM of its own limited to 512 MB of heap, half of what the launcher
 * gives the service, to show that the enrichment fits with room to spare; {@link HeapAndCpuProfiler}
 * reports what the state keeps alive.
 *
 * <p>Throughput is wall-clock time, which on a machine shared with other work depends on when
 * each benchmark ran. The profiler also reports the process CPU time per article (collector and
 * compiler threads included), so the ratio is given both ways: by throughput and by CPU per
 * article (bare/full). Both still move with the machine's speed between the benchmarks' JVMs, so
 * the run ends with the {@link InterleavedComparison}: bare and full taking turns on every
 * article in one thread, the ratio that a slow or busy host cannot bend.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@OperationsPerInvocation(NewswireArticles.COUNT)
public class EnrichThroughputBenchmark {

    static final double TARGET_RATIO = 0.85;
    static final String CONFIGURED = "configured";
    private static final Duration INTERLEAVED_WARM_UP = Duration.ofSeconds(30);
    private static final Duration INTERLEAVED_MEASURED = Duration.ofSeconds(60);
    private static volatile int consumed;

    /** The articles, the same in every benchmark JVM because the seed is fixed. */
    @State(Scope.Benchmark)
    public static class Articles {

        List<ArticleEvent> articles;

        @Setup(Level.Trial)
        public void generate() {
            articles = NewswireArticles.generate(NewswireArticles.COUNT, NewswireArticles.SEED);
        }
    }

    /** The bare CoreNLP pipeline with the recognizer's own properties. */
    @State(Scope.Benchmark)
    public static class BareCoreNlp {

        StanfordCoreNLP pipeline;

        @Setup(Level.Trial)
        public void load() {
            pipeline = new StanfordCoreNLP(
                    CoreNlpEntityRecognizer.pipelineProperties(EnrichProperties.fromServiceConfiguration().ner().model()));
        }

        void annotate(ArticleEvent article, Consumer<Object> sink) {
            CoreDocument headline = pipeline.processToCoreDocument(article.headline());
            CoreDocument body = pipeline.processToCoreDocument(article.body());
            sink.accept(headline.entityMentions());
            sink.accept(body.entityMentions());
        }
    }

    /**
     * The service's enricher, built from its configuration, with an archive that holds every
     * article: the archived copies are dated a month back, so that for each enriched article the
     * 49 others count as earlier, and the article itself is left out by its uri as in the service.
     *
     * <p>The archive keeps the candidates it compared decoded, and in this archive of 49 articles
     * every candidate comes back. {@code candidateCache} runs it both ways: {@code configured}
     * keeps as many as the service does, {@code none} reads every candidate anew from the index,
     * as for an archive so large that no candidate ever comes back.
     */
    @State(Scope.Benchmark)
    public static class FullEnrichment {

        @Param({CONFIGURED, "none"})
        String candidateCache;

        ArticleEnricher enricher;
        LuceneArchive archive;
        TimedClustering clustering;

        @Setup(Level.Trial)
        public void load(Articles articles) {
            EnrichProperties properties = EnrichProperties.fromServiceConfiguration();
            AliasTable aliases = AliasTable.load(properties.aliases().resource());
            archive = new LuceneArchive(new ArchiveEntityFinder(aliases), properties.related().maxResults(),
                    properties.related().minScore(),
                    CONFIGURED.equals(candidateCache) ? properties.related().cachedCandidates() : 0);
            for (ArticleEvent article : articles.articles) {
                archive.accept(monthEarlier(article));
            }
            archive.refresh();
            clustering = new TimedClustering(new LiveClusters(
                    EnrichProperties.serviceConfiguration("newsroom.enrich.cluster", ClusterSettings.class)));
            enricher = new ArticleEnricher(StandardEntityPipeline.extractor(properties.ner(), aliases),
                    new OpenNlpLanguageDetector(), archive, clustering, Clock.systemUTC());
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            archive.close();
        }

        private static ArticleEvent monthEarlier(ArticleEvent article) {
            return new ArticleEvent(article.schemaVersion(), article.eventId(), article.action(), article.uri(),
                    article.version(), article.headline(), article.body(), article.source(), article.partnerId(),
                    article.language(), article.firstCreated().minus(Duration.ofDays(30)),
                    article.receivedAt().minus(Duration.ofDays(30)), article.relatedHints());
        }
    }

    @Benchmark
    public void bareCoreNlp(Articles articles, BareCoreNlp coreNlp, Blackhole sink) {
        for (ArticleEvent article : articles.articles) {
            coreNlp.annotate(article, sink::consume);
        }
    }

    @Benchmark
    public void fullEnrichment(Articles articles, FullEnrichment enrichment, Blackhole sink) {
        for (ArticleEvent article : articles.articles) {
            sink.consume(enrichment.enricher.enrich(article));
        }
    }

    /**
     * Runs both benchmarks with the JMH options given (e.g. {@code -wi 2 -w 5s -i 3 -r 5s -f 1})
     * and prints the ratio and the heap after the JMH table.
     */
    /** The limit on clustering's share of the enrichment's time per article. */
    static final double CLUSTERING_SHARE = 0.10;

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(EnrichThroughputBenchmark.class.getName() + "\\.")
                .addProfiler(HeapAndCpuProfiler.class)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        RunResult bare = results(results, "bareCoreNlp").get(0);
        List<RunResult> full = results(results, "fullEnrichment");
        System.out.println();
        System.out.println("articles        " + NewswireArticles.COUNT + " newswire articles, seed " + NewswireArticles.SEED);
        for (RunResult run : Stream.concat(Stream.of(bare), full.stream()).toList()) {
            Result score = run.getPrimaryResult();
            System.out.printf(Locale.ROOT,
                    "%-33s %7.2f ± %.2f articles/s   %6.2f ms CPU/article   heap after GC %5.1f MiB of %4.0f MiB%n",
                    name(run), score.getScore(), score.getScoreError(), secondary(run, HeapAndCpuProfiler.CPU),
                    secondary(run, HeapAndCpuProfiler.USED), secondary(run, HeapAndCpuProfiler.MAX));
        }
        for (RunResult run : full) {
            double ratio = run.getPrimaryResult().getScore() / bare.getPrimaryResult().getScore();
            double cpuRatio = secondary(bare, HeapAndCpuProfiler.CPU) / secondary(run, HeapAndCpuProfiler.CPU);
            System.out.printf(Locale.ROOT, "ratio %-27s full/bare by throughput = %.3f, by CPU per article = %.3f"
                    + " (target >= %.2f)%n", name(run), ratio, cpuRatio, TARGET_RATIO);
        }
        interleaved();
    }

    /** The same comparison with both taking turns on every article in this JVM: see {@link InterleavedComparison}. */
    private static void interleaved() {
        Articles articles = new Articles();
        articles.generate();
        BareCoreNlp bare = new BareCoreNlp();
        bare.load();
        FullEnrichment full = new FullEnrichment();
        full.candidateCache = CONFIGURED;
        full.load(articles);
        InterleavedComparison.Result result = InterleavedComparison.run(articles.articles,
                article -> bare.annotate(article, EnrichThroughputBenchmark::consume),
                article -> consume(full.enricher.enrich(article)),
                INTERLEAVED_WARM_UP, INTERLEAVED_MEASURED, full.clustering::reset);
        System.out.printf(Locale.ROOT, "interleaved     %d articles each, taking turns in one thread after %d s of warm-up:"
                + " bare %.2f ms CPU and %.1f MB allocated per article, full[%s] %.2f ms CPU and %.1f MB%n",
                result.articles(), INTERLEAVED_WARM_UP.toSeconds(), result.bareCpuMillis(), result.bareMegabytes(),
                CONFIGURED, result.fullCpuMillis(), result.fullMegabytes());
        System.out.printf(Locale.ROOT, "ratio interleaved full/bare by CPU per article = %.3f (target >= %.2f)%n",
                result.ratio(), TARGET_RATIO);
        double clustering = full.clustering.cpuMillisPerArticle();
        System.out.printf(Locale.ROOT, "clustering      %.3f ms CPU per article inside full[%s] (window of %d articles at the"
                + " end): %.1f %% of the enrichment's %.2f ms (limit %.0f %%)%n", clustering, CONFIGURED,
                full.clustering.windowSize(), 100 * clustering / result.fullCpuMillis(), result.fullCpuMillis(),
                100 * CLUSTERING_SHARE);
    }

    /** Keeps the results observable, so that the compiler cannot drop the work, without keeping them. */
    private static void consume(Object result) {
        consumed ^= System.identityHashCode(result);
    }

    private static List<RunResult> results(Collection<RunResult> results, String benchmark) {
        List<RunResult> found = results.stream()
                .filter(run -> run.getParams().getBenchmark().endsWith("." + benchmark))
                .toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("no result for " + benchmark + ": was it excluded by the options?");
        }
        return found;
    }

    /** The benchmark's name with its parameters, if any: {@code fullEnrichment[candidateCache=none]}. */
    private static String name(RunResult run) {
        String benchmark = run.getParams().getBenchmark();
        String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        List<String> parameters = run.getParams().getParamsKeys().stream()
                .map(key -> key + '=' + run.getParams().getParam(key))
                .toList();
        return parameters.isEmpty() ? name : name + parameters;
    }

    private static double secondary(RunResult run, String label) {
        Result result = run.getSecondaryResults().get(label);
        return result == null ? Double.NaN : result.getScore();
    }
}
