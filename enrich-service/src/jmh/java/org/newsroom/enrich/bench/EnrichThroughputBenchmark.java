package org.newsroom.enrich.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.enrichment.ArticleEnricher;
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
 * article (bare/full). On a quiet machine the two agree; when they do not, or the error columns
 * are wide, the run was disturbed and says little.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@OperationsPerInvocation(NewswireArticles.COUNT)
public class EnrichThroughputBenchmark {

    static final double TARGET_RATIO = 0.85;

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
    }

    /**
     * The service's enricher, built from its configuration, with an archive that holds every
     * article: the archived copies are dated a month back, so that for each enriched article the
     * 49 others count as earlier, and the article itself is left out by its uri as in the service.
     */
    @State(Scope.Benchmark)
    public static class FullEnrichment {

        ArticleEnricher enricher;
        LuceneArchive archive;

        @Setup(Level.Trial)
        public void load(Articles articles) {
            EnrichProperties properties = EnrichProperties.fromServiceConfiguration();
            AliasTable aliases = AliasTable.load(properties.aliases().resource());
            archive = new LuceneArchive(new ArchiveEntityFinder(aliases), properties.related().maxResults(),
                    properties.related().minScore());
            for (ArticleEvent article : articles.articles) {
                archive.accept(monthEarlier(article));
            }
            archive.refresh();
            enricher = new ArticleEnricher(StandardEntityPipeline.extractor(properties.ner(), aliases),
                    new OpenNlpLanguageDetector(), archive, Clock.systemUTC());
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
            CoreDocument headline = coreNlp.pipeline.processToCoreDocument(article.headline());
            CoreDocument body = coreNlp.pipeline.processToCoreDocument(article.body());
            sink.consume(headline.entityMentions());
            sink.consume(body.entityMentions());
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
    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(EnrichThroughputBenchmark.class.getName() + "\\.")
                .addProfiler(HeapAndCpuProfiler.class)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        RunResult bare = result(results, "bareCoreNlp");
        RunResult full = result(results, "fullEnrichment");
        double ratio = full.getPrimaryResult().getScore() / bare.getPrimaryResult().getScore();
        double cpuRatio = secondary(bare, HeapAndCpuProfiler.CPU) / secondary(full, HeapAndCpuProfiler.CPU);
        System.out.println();
        System.out.println("articles        " + NewswireArticles.COUNT + " newswire articles, seed " + NewswireArticles.SEED);
        for (RunResult run : List.of(bare, full)) {
            Result score = run.getPrimaryResult();
            System.out.printf(Locale.ROOT,
                    "%-15s %7.2f ± %.2f articles/s   %6.2f ms CPU/article   heap after GC %5.1f MiB of %4.0f MiB%n",
                    name(run), score.getScore(), score.getScoreError(), secondary(run, HeapAndCpuProfiler.CPU),
                    secondary(run, HeapAndCpuProfiler.USED), secondary(run, HeapAndCpuProfiler.MAX));
        }
        System.out.printf(Locale.ROOT, "ratio           full/bare by throughput = %.3f, by CPU per article = %.3f"
                + " (target >= %.2f)%n", ratio, cpuRatio, TARGET_RATIO);
    }

    private static RunResult result(Collection<RunResult> results, String benchmark) {
        return results.stream()
                .filter(run -> run.getParams().getBenchmark().endsWith("." + benchmark))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + benchmark
                        + ": was it excluded by the options?"));
    }

    private static String name(RunResult run) {
        String benchmark = run.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static double secondary(RunResult run, String label) {
        Result result = run.getSecondaryResults().get(label);
        return result == null ? Double.NaN : result.getScore();
    }
}
