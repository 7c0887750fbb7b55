package org.newsroom.enrich.ceiling;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.enrichment.ArticleEnricher;
import org.newsroom.enrich.cluster.ClusterSettings;
import org.newsroom.enrich.cluster.LiveClusters;
import org.newsroom.enrich.entities.ArchiveEntityFinder;
import org.newsroom.enrich.entities.StandardEntityPipeline;
import org.newsroom.enrich.language.OpenNlpLanguageDetector;
import org.newsroom.enrich.related.LuceneArchive;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enrichment alone: the service's {@link ArticleEnricher}, configured from its own
 * {@code application.yml}, over article events read from files, as the ceiling the bench holds the
 * running service against. The archive index holds the archive file's articles and the measured
 * ones (each measured article is left out of its own comparison by its uri, as in the service),
 * so the comparisons search an archive of the size the service had. The warm-up articles are
 * enriched first and not counted, as the service had enriched them before its measured phase.
 *
 * <p>Prints one line {@code RESULT {json}} with the measured articles, seconds and the process
 * CPU time. Usage, from the repository root:
 *
 * <pre>
 * java -Xmx1g -cp enrich-service/target/enrich-service-*-exec.jar \
 *   -Dloader.main=org.newsroom.enrich.ceiling.EnrichmentCeiling \
 *   org.springframework.boot.loader.launch.PropertiesLauncher ARCHIVE.jsonl WARMUP.jsonl MEASURED.jsonl [THREADS]
 * </pre>
 *
 * Each file holds one {@link ArticleEvent} as JSON per line.
 */
public final class EnrichmentCeiling {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EnrichmentCeiling() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: EnrichmentCeiling <archive.jsonl> <warmup.jsonl> <measured.jsonl> [threads]");
            System.exit(2);
        }
        quietLogging();
        List<ArticleEvent> archived = read(Path.of(args[0]));
        List<ArticleEvent> warmUp = read(Path.of(args[1]));
        List<ArticleEvent> measured = read(Path.of(args[2]));
        int threads = args.length == 4 ? Integer.parseInt(args[3]) : 1;

        EnrichProperties properties = EnrichProperties.fromServiceConfiguration();
        AliasTable aliases = AliasTable.load(properties.aliases().resource());
        try (LuceneArchive archive = new LuceneArchive(new ArchiveEntityFinder(aliases),
                properties.related().maxResults(), properties.related().minScore(),
                properties.related().cachedCandidates())) {
            archived.forEach(archive::accept);
            measured.forEach(archive::accept);
            archive.refresh();
            ArticleEnricher enricher = new ArticleEnricher(StandardEntityPipeline.extractor(properties.ner(), aliases),
                    new OpenNlpLanguageDetector(), archive,
                    new LiveClusters(EnrichProperties.serviceConfiguration("newsroom.enrich.cluster", ClusterSettings.class)),
                    Clock.systemUTC());
            enrichAll(enricher, warmUp, threads);
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            enrichAll(enricher, measured, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpuNanos = processCpuNanos() - cpuBefore;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("archived", archived.size() + measured.size());
            result.put("warmUp", warmUp.size());
            result.put("articles", measured.size());
            result.put("threads", threads);
            result.put("seconds", seconds);
            result.put("cpuMillis", cpuNanos / 1e6);
            result.put("enrichmentVersion", enricher.enrich(measured.isEmpty() ? warmUp.get(0) : measured.get(0))
                    .enrichment().enrichmentVersion());
            System.out.println("RESULT " + JSON.writeValueAsString(result));
        }
    }

    /** Every article once, shared out among the threads as they come free. */
    private static void enrichAll(ArticleEnricher enricher, List<ArticleEvent> articles, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < articles.size()) {
                        enricher.enrich(articles.get(n));
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static List<ArticleEvent> read(Path file) throws IOException {
        List<ArticleEvent> articles = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    articles.add(JSON.readValue(line, ArticleEvent.class));
                }
            }
        }
        return articles;
    }

    /** Collector and compiler threads included, as in the service's process. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Without Spring Boot's logging setup, Logback would print CoreNLP's debug output. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
