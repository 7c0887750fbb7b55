package org.newsroom.enrich.cluster;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.Entity;
import org.newsroom.contract.StoryCluster;
import org.newsroom.enrich.cluster.ClusterArchive.Placement;
import org.newsroom.enrich.cluster.ClusterDecision.Change;

/**
 * Puts each article into a story cluster as its events arrive, given the entities its enrichment
 * found.
 *
 * <p>A new article is compared with the candidates the archive finds (shingle LSH bands, shared
 * salient entities, within the window) and joins the cluster of the best-scoring one when that
 * score reaches {@link ClusterSettings#sameEvent}; otherwise it opens a cluster of its own. Two
 * clusters are never merged, so ids stay stable. A new version of a known article is
 * re-fingerprinted but stays in its cluster: a correction changes the facts of a report, not the
 * event it reports. A kill removes the member; if it led, the next earliest leads.
 *
 * <p>Decisions made elsewhere (by another instance, or by this one before a restart) are
 * {@linkplain #adopt adopted} as they were made, not decided again: the enriched topic is the
 * record of every decision, and an instance's clusters are what it says.
 *
 * <p>The window moves with the latest first-created time seen: what is older than the window
 * before it leaves the archive, which bounds the state.
 */
public final class StoryClusterer {

    private final ClusterSettings settings;
    private final ClusterArchive archive;
    /** Killed articles of the window, so that an older decision read after the kill does not bring one back. */
    private final Map<String, Kill> killed = new HashMap<>();
    private @Nullable Instant latest;

    public StoryClusterer(ClusterSettings settings, ClusterArchive archive) {
        this.settings = settings;
        this.archive = archive;
    }

    public ClusterDecision accept(ArticleEvent article, List<Entity> entities) {
        String articleId = ArticleIds.fromUri(article.uri());
        Optional<Placement> known = archive.placement(articleId);
        if (article.action() == ArticleAction.KILLED) {
            return kill(article, known);
        }
        // A version after the kill (the partner published it again) is a new article.
        killed.remove(articleId);
        Fingerprint fingerprint = fingerprintOf(article, entities);
        if (known.isPresent()) {
            return update(known.get(), fingerprint);
        }
        moveWindow(article.firstCreated());
        return place(fingerprint);
    }

    /**
     * Takes over a decision already made for the article and recorded in its enriched event: its
     * cluster (or none for a kill) as the event says. A decision about an older version than the one
     * held, or about a killed article, is stale and changes nothing, so the order in which the
     * decisions of several partitions arrive does not matter.
     *
     * @param cluster the cluster the enrichment gave the article; null for a kill or an enrichment
     *        made before clustering, which has no decision to adopt
     */
    public void adopt(ArticleEvent article, List<Entity> entities, @Nullable StoryCluster cluster) {
        String articleId = ArticleIds.fromUri(article.uri());
        Optional<Placement> known = archive.placement(articleId);
        if (article.action() == ArticleAction.KILLED) {
            kill(article, known);
            return;
        }
        Kill kill = killed.get(articleId);
        if (cluster == null || kill != null && kill.version() >= article.version()
                || known.filter(placement -> isStaleOrHeld(placement, article, cluster)).isPresent()) {
            return;
        }
        killed.remove(articleId);
        Fingerprint fingerprint = weighed(fingerprintOf(article, entities));
        known.filter(placement -> !placement.clusterId().equals(cluster.id())).ifPresent(this::leave);
        moveWindow(article.firstCreated());
        Cluster adopted = archive.cluster(cluster.id()).map(existing -> existing.with(fingerprint.member()))
                .orElseGet(() -> new Cluster(cluster.id(), List.of(fingerprint.member())));
        archive.save(adopted);
        archive.place(new Placement(fingerprint, cluster.id(), cluster.score(), cluster.reason()));
    }

    /** An older version than the one held, or the very decision held (this instance's own, read back). */
    private static boolean isStaleOrHeld(Placement held, ArticleEvent article, StoryCluster cluster) {
        long version = held.fingerprint().member().version();
        return version > article.version() || version == article.version() && held.clusterId().equals(cluster.id());
    }

    private Fingerprint fingerprintOf(ArticleEvent article, List<Entity> entities) {
        return Fingerprint.of(article, SalientEntity.mostSalient(entities, settings.salientEntities()));
    }

    private ClusterDecision kill(ArticleEvent article, Optional<Placement> known) {
        String articleId = ArticleIds.fromUri(article.uri());
        killed.merge(articleId, new Kill(article.version(), article.firstCreated()),
                (held, next) -> held.version() >= next.version() ? held : next);
        return known.map(this::leave).orElseGet(() -> new ClusterDecision(Change.NONE, articleId, null, 0, "not clustered"));
    }

    private ClusterDecision place(Fingerprint unweighted) {
        double[] weights = WordWeights.of(unweighted.words(), archive);
        Fingerprint fingerprint = unweighted.weighing(WordWeights.sum(weights));
        @Nullable Fingerprint best = null;
        @Nullable SameEventScore bestScore = null;
        for (Fingerprint candidate : archive.candidates(fingerprint)) {
            SameEventScore score = SameEventScore.between(fingerprint, weights, candidate, settings.window());
            if (bestScore == null || score.score() > bestScore.score()) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best != null && bestScore != null && bestScore.score() >= settings.sameEvent()) {
            String clusterId = archive.placement(best.articleId()).orElseThrow().clusterId();
            Cluster cluster = archive.cluster(clusterId).orElseThrow().with(fingerprint.member());
            String reason = bestScore.reason("same event");
            archive.save(cluster);
            archive.place(new Placement(fingerprint, clusterId, bestScore.score(), reason));
            return new ClusterDecision(Change.JOINED, fingerprint.articleId(), cluster, bestScore.score(), reason);
        }
        Cluster cluster = Cluster.openedBy(fingerprint.member());
        String reason = best == null || bestScore == null ? "new story: no earlier report shares its text or names"
                : "new story; " + bestScore.reason("closest") + " (\"" + best.member().headline() + "\")";
        archive.save(cluster);
        archive.place(new Placement(fingerprint, cluster.id(), 1, reason));
        return new ClusterDecision(Change.OPENED, fingerprint.articleId(), cluster, 1, reason);
    }

    private Fingerprint weighed(Fingerprint unweighted) {
        return unweighted.weighing(WordWeights.sum(WordWeights.of(unweighted.words(), archive)));
    }

    private ClusterDecision update(Placement known, Fingerprint unweighted) {
        Fingerprint fingerprint = weighed(unweighted);
        Cluster cluster = archive.cluster(known.clusterId()).orElseThrow().with(fingerprint.member());
        archive.save(cluster);
        archive.place(new Placement(fingerprint, known.clusterId(), known.score(), known.reason()));
        return new ClusterDecision(Change.UPDATED, fingerprint.articleId(), cluster, known.score(), known.reason());
    }

    private ClusterDecision leave(Placement known) {
        String articleId = known.fingerprint().articleId();
        archive.remove(articleId);
        List<ClusterMember> rest = archive.cluster(known.clusterId()).map(cluster -> cluster.without(articleId))
                .orElse(List.of());
        if (rest.isEmpty()) {
            archive.delete(known.clusterId());
            return new ClusterDecision(Change.LEFT, articleId, null, 0, "killed: its cluster is gone");
        }
        Cluster remaining = new Cluster(known.clusterId(), rest);
        archive.save(remaining);
        return new ClusterDecision(Change.LEFT, articleId, remaining, 0, "killed: left its cluster");
    }

    private void moveWindow(Instant firstCreated) {
        if (latest == null || firstCreated.isAfter(latest)) {
            latest = firstCreated;
            Instant oldest = latest.minus(settings.window());
            archive.evictBefore(oldest);
            killed.values().removeIf(kill -> kill.firstCreated().isBefore(oldest));
        }
    }

    private record Kill(long version, Instant firstCreated) {
    }
}
