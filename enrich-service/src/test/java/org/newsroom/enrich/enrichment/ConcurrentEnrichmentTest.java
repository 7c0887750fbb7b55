package org.newsroom.enrich.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.bench.NewswireArticles;
import org.newsroom.enrich.cluster.StoryClustering;
import org.newsroom.enrich.entities.ArchiveEntityFinder;
import org.newsroom.enrich.entities.StandardEntityPipeline;
import org.newsroom.enrich.language.OpenNlpLanguageDetector;
import org.newsroom.enrich.related.LuceneArchive;

/**
 * One enricher shared by several listener threads (the binding's {@code concurrency}) gives each
 * article exactly the enrichment it gets alone: the CoreNLP pipeline, the language detector, the
 * archive's caches and everything around them keep no state of one article that another could see.
 */
class ConcurrentEnrichmentTest {

    private static final int ARTICLES = 16;
    private static final int THREADS = 3;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:15:30Z"), ZoneOffset.UTC);

    private static LuceneArchive archive;
    private static ArticleEnricher enricher;
    private static List<ArticleEvent> articles;

    @BeforeAll
    static void buildTheServicePipeline() {
        EnrichProperties properties = EnrichProperties.fromServiceConfiguration();
        AliasTable aliases = AliasTable.load(properties.aliases().resource());
        archive = new LuceneArchive(new ArchiveEntityFinder(aliases), properties.related().maxResults(),
                properties.related().minScore(), properties.related().cachedCandidates());
        articles = NewswireArticles.generate(ARTICLES, NewswireArticles.SEED);
        articles.forEach(archive::accept);
        archive.refresh();
        enricher = new ArticleEnricher(StandardEntityPipeline.extractor(properties.ner(), aliases),
                new OpenNlpLanguageDetector(), archive, StoryClustering.NONE, CLOCK);
    }

    @AfterAll
    static void close() throws Exception {
        archive.close();
    }

    @Test
    void enrichesEachArticleAsAloneWhenThreadsShareTheEnricher() throws Exception {
        Map<String, EnrichedArticleEvent> alone = articles.stream()
                .collect(Collectors.toMap(ArticleEvent::uri, enricher::enrich));

        Map<String, EnrichedArticleEvent> together = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                List<ArticleEvent> order = new ArrayList<>(articles);
                Collections.rotate(order, thread * ARTICLES / THREADS);
                running.add(threads.submit(() -> order.forEach(article -> together.merge(article.uri(),
                        enricher.enrich(article), (first, again) -> {
                            assertThat(again).isEqualTo(first);
                            return first;
                        }))));
            }
            for (Future<?> done : running) {
                done.get();
            }
        }
        finally {
            threads.shutdownNow();
        }

        assertThat(together).containsExactlyInAnyOrderEntriesOf(alone);
        assertThat(alone.values()).extracting(event -> event.enrichment().entities().size())
                .allSatisfy(count -> assertThat(count).isPositive());
    }
}
