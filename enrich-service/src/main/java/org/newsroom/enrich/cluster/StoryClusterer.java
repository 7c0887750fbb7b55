package org.newsroom.enrich.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.Entity;
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
 * <p>The window moves with the latest first-created time seen: what is older than the window
 * before it leaves the archive, which bounds the state.
 */
public final class StoryClusterer {

    private final ClusterSettings settings;
    private final ClusterArchive archive;
    private @Nullable Instant latest;

    public StoryClusterer(ClusterSettings settings, ClusterArchive archive) {
        this.settings = settings;
        this.archive = archive;
    }

    public ClusterDecision accept(ArticleEvent article, List<Entity> entities) {
        String articleId = ArticleIds.fromUri(article.uri());
        Optional<Placement> known = archive.placement(articleId);
        if (article.action() == ArticleAction.KILLED) {
            return known.map(this::leave).orElseGet(() -> new ClusterDecision(Change.NONE, articleId, null, 0, "not clustered"));
        }
        Fingerprint fingerprint = Fingerprint.of(article, SalientEntity.mostSalient(entities, settings.salientEntities()));
        if (known.isPresent()) {
            return update(known.get(), fingerprint);
        }
        moveWindow(article.firstCreated());
        return place(fingerprint);
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

    private ClusterDecision update(Placement known, Fingerprint unweighted) {
        Fingerprint fingerprint = unweighted.weighing(WordWeights.sum(WordWeights.of(unweighted.words(), archive)));
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
            archive.evictBefore(latest.minus(settings.window()));
        }
    }
}
