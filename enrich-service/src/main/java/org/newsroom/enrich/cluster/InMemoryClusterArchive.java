package org.newsroom.enrich.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The cluster archive in the heap, bounded by the window: {@link #evictBefore} drops what is too
 * old to join a new report, so the heap holds the articles of one window (about 1 KB each) and
 * their clusters. Not thread-safe: one enrichment consumer thread uses it.
 */
public final class InMemoryClusterArchive implements ClusterArchive {

    private final Duration window;
    private final int maxPostings;
    private final Map<String, Placement> placements = new HashMap<>();
    private final Map<Long, List<String>> bands = new HashMap<>();
    private final Map<String, ArrayDeque<String>> postings = new HashMap<>();
    private final Map<String, Cluster> clusters = new HashMap<>();
    private final Map<Long, Integer> documentFrequencies = new HashMap<>();
    private final PriorityQueue<Fingerprint> byAge =
            new PriorityQueue<>(Comparator.comparing(Fingerprint::firstCreated));

    public InMemoryClusterArchive(ClusterSettings settings) {
        this.window = settings.window();
        this.maxPostings = settings.maxPostings();
    }

    @Override
    public Collection<Fingerprint> candidates(Fingerprint fingerprint) {
        Set<String> ids = new LinkedHashSet<>();
        for (int band = 0; band < MinHash.BANDS; band++) {
            ids.addAll(bands.getOrDefault(MinHash.bandKey(fingerprint.signature(), band), List.of()));
        }
        for (SalientEntity entity : fingerprint.entities()) {
            ids.addAll(postings.getOrDefault(entity.key(), new ArrayDeque<>()));
        }
        ids.remove(fingerprint.articleId());
        List<Fingerprint> candidates = new ArrayList<>(ids.size());
        for (String id : ids) {
            Fingerprint candidate = placements.get(id).fingerprint();
            if (Duration.between(candidate.firstCreated(), fingerprint.firstCreated()).abs().compareTo(window) <= 0) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    @Override
    public Optional<Placement> placement(String articleId) {
        return Optional.ofNullable(placements.get(articleId));
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
            bands.computeIfAbsent(MinHash.bandKey(fingerprint.signature(), band), key -> new ArrayList<>(1))
                    .add(fingerprint.articleId());
        }
        for (SalientEntity entity : fingerprint.entities()) {
            ArrayDeque<String> posting = postings.computeIfAbsent(entity.key(), key -> new ArrayDeque<>());
            posting.addLast(fingerprint.articleId());
            if (posting.size() > maxPostings) {
                // A name in every story (a country, a big company) keeps only its latest articles.
                posting.removeFirst();
            }
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
            List<String> bucket = bands.get(key);
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
            String clusterId = placements.get(evicted.articleId()).clusterId();
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
}
