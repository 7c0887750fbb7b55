package org.newsroom.enrich.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.StoryCluster;
import org.newsroom.enrich.cluster.LiveClusters;
import org.newsroom.enrich.cluster.StoryClustering;

/**
 * The service's story clustering inside the benchmark's enrichment, timed by the calling thread's
 * CPU time. The benchmark enriches the same articles again and again; the service enriches each
 * once. So every call clusters the article as a new one: its uri gets a running number and its
 * first-created time moves on by {@link #APART} per call (10,000 articles in the 48 h window), so
 * each is compared with the candidates of a growing window, as a new report is in the service.
 * Verbatim repeats of 50 texts make it the dear case: every article finds copies to score.
 */
final class TimedClustering implements StoryClustering {

    static final Duration APART = Duration.ofMillis(17_280);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final LiveClusters clusters;
    private long calls;
    private long cpuNanos;
    private long timedCalls;

    TimedClustering(LiveClusters clusters) {
        this.clusters = clusters;
    }

    @Override
    public @Nullable StoryCluster cluster(ArticleEvent article, List<Entity> entities) {
        long before = THREADS.getCurrentThreadCpuTime();
        ArticleEvent asNew = new ArticleEvent(article.schemaVersion(), article.eventId(), article.action(),
                article.uri() + "#" + calls, article.version(), article.headline(), article.body(), article.source(),
                article.partnerId(), article.language(), START.plus(APART.multipliedBy(calls)), article.receivedAt(),
                article.relatedHints());
        calls++;
        StoryCluster cluster = clusters.cluster(asNew, entities);
        cpuNanos += THREADS.getCurrentThreadCpuTime() - before;
        timedCalls++;
        return cluster;
    }

    /** Starts counting anew, after a warm-up. */
    void reset() {
        cpuNanos = 0;
        timedCalls = 0;
    }

    double cpuMillisPerArticle() {
        return cpuNanos / 1e6 / timedCalls;
    }

    int windowSize() {
        return clusters.size();
    }
}
