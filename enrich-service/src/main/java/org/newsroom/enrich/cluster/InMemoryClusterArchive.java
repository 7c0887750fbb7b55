package org.newsroom.enrich.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The cluster archive in the heap, bounded by the window: {@link #evictBefore} drops what is too
 * old to join a new report, so the heap holds the articles of one window (about 1 KB each) and
 * their clusters. Not thread-safe: one enrichment consumer thread uses it.
 */
public final class InMemoryClusterArchive implements ClusterArchive {

    private static final int BAND_VOTE = 1_000;
    private static final ArrayDeque<String> NONE = new ArrayDeque<>();
    private static final Comparator<Voted> MOST_VOTED_THEN_LATEST =
            Comparator.comparingInt(Voted::votes).thenComparingLong(Voted::created).reversed();

    private final Duration window;
    private final int maxPostings;
    private final int maxCandidates;
    private final Map<String, Placement> placements = new HashMap<>();
    private final Map<Long, ArrayDeque<String>> bands = new HashMap<>();
    private final Map<String, ArrayDeque<String>> postings = new HashMap<>();
    private final Map<String, Cluster> clusters = new HashMap<>();
    private final Map<Long, Integer> documentFrequencies = new HashMap<>();
    private final PriorityQueue<Fingerprint> byAge =
            new PriorityQueue<>(Comparator.comparing(Fingerprint::firstCreated));

    public InMemoryClusterArchive(ClusterSettings settings) {
        this.window = settings.window();
        this.maxPostings = settings.maxPostings();
        this.maxCandidates = settings.maxCandidates();
    }

    @Override
    public Collection<Fingerprint> candidates(Fingerprint fingerprint) {
        // Votes: a shared LSH band outweighs any number of shared names.
        Map<String, Integer> votes = new HashMap<>();
        for (int band = 0; band < MinHash.BANDS; band++) {
            for (String id : bands.getOrDefault(MinHash.bandKey(fingerprint.signature(), band), NONE)) {
                votes.merge(id, BAND_VOTE, Integer::sum);
            }
        }
        for (SalientEntity entity : fingerprint.entities()) {
            for (String id : postings.getOrDefault(entity.key(), NONE)) {
                votes.merge(id, 1, Integer::sum);
            }
        }
        votes.remove(fingerprint.articleId());
        List<Voted> candidates = new ArrayList<>(votes.size());
        votes.forEach((id, count) -> {
            Fingerprint candidate = placed(id).fingerprint();
            if (Duration.between(candidate.firstCreated(), fingerprint.firstCreated()).abs().compareTo(window) <= 0) {
                candidates.add(new Voted(candidate, count, candidate.firstCreated().getEpochSecond()));
            }
        });
        if (candidates.size() > maxCandidates) {
            candidates.sort(MOST_VOTED_THEN_LATEST);
        }
        return candidates.subList(0, Math.min(maxCandidates, candidates.size())).stream().map(Voted::fingerprint).toList();
    }

    @Override
    public Optional<Placement> placement(String articleId) {
        return Optional.ofNullable(placements.get(articleId));
    }

    /** The placement of an article this archive indexes: every indexed fingerprint has one. */
    private Placement placed(String articleId) {
        return placement(articleId).orElseThrow(() -> new IllegalStateException("not placed: " + articleId));
    }

    @Override
    public void place(Placement placement) {
        Fingerprint fingerprint = placement.fingerprint();
        remove(fingerprint.articleId());
        placements.put(fingerprint.articleId(), placement);
        byAge.add(fingerprint);
        for (long word : fingerprint.words()) {
            documentFrequencies.merge(word, 1, Integer::sum);
        }
        for (int band = 0; band < MinHash.BANDS; band++) {
            // A bucket of boilerplate text keeps only its latest articles, as a name in every story does.
            addBounded(bands.computeIfAbsent(MinHash.bandKey(fingerprint.signature(), band), key -> new ArrayDeque<>(2)),
                    fingerprint.articleId());
        }
        for (SalientEntity entity : fingerprint.entities()) {
            addBounded(postings.computeIfAbsent(entity.key(), key -> new ArrayDeque<>()), fingerprint.articleId());
        }
    }

    private void addBounded(ArrayDeque<String> posting, String articleId) {
        posting.addLast(articleId);
        if (posting.size() > maxPostings) {
            posting.removeFirst();
        }
    }

    @Override
    public void remove(String articleId) {
        Placement placement = placements.get(articleId);
        if (placement != null) {
            // A linear scan of the queue, but only for kills and corrections, not for evictions.
            byAge.remove(placement.fingerprint());
            unindex(placement.fingerprint());
        }
    }

    private void unindex(Fingerprint fingerprint) {
        String articleId = fingerprint.articleId();
        placements.remove(articleId);
        for (long word : fingerprint.words()) {
            documentFrequencies.computeIfPresent(word, (key, count) -> count == 1 ? null : count - 1);
        }
        for (int band = 0; band < MinHash.BANDS; band++) {
            long key = MinHash.bandKey(fingerprint.signature(), band);
            ArrayDeque<String> bucket = bands.get(key);
            if (bucket != null && bucket.remove(articleId) && bucket.isEmpty()) {
                bands.remove(key);
            }
        }
        for (SalientEntity entity : fingerprint.entities()) {
            ArrayDeque<String> posting = postings.get(entity.key());
            if (posting != null && posting.remove(articleId) && posting.isEmpty()) {
                postings.remove(entity.key());
            }
        }
    }

    @Override
    public Optional<Cluster> cluster(String clusterId) {
        return Optional.ofNullable(clusters.get(clusterId));
    }

    @Override
    public void save(Cluster cluster) {
        clusters.put(cluster.id(), cluster);
    }

    @Override
    public void delete(String clusterId) {
        clusters.remove(clusterId);
    }

    @Override
    public void evictBefore(Instant oldest) {
        while (!byAge.isEmpty() && byAge.peek().firstCreated().isBefore(oldest)) {
            Fingerprint evicted = byAge.poll();
            String clusterId = placed(evicted.articleId()).clusterId();
            unindex(evicted);
            Cluster cluster = clusters.get(clusterId);
            if (cluster != null && cluster.members().stream().noneMatch(member -> placements.containsKey(member.articleId()))) {
                clusters.remove(clusterId);
            }
        }
    }

    @Override
    public int size() {
        return placements.size();
    }

    @Override
    public int documentFrequency(long word) {
        return documentFrequencies.getOrDefault(word, 0);
    }

    private record Voted(Fingerprint fingerprint, int votes, long created) {
    }
}
