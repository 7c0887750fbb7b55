package org.newsroom.enrich.cluster;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;

/**
 * What the clusterer keeps of an article to compare it with later ones: a few hundred bytes
 * instead of its text.
 *
 * @param articleId the public article id
 * @param member the article as a cluster member
 * @param words the distinct hashes of its content words, sorted
 * @param shingles how many distinct word 3-shingles the text has
 * @param signature the MinHash signature of those shingles
 * @param entities its most salient entities, most salient first
 * @param weight the sum of its words' weights ({@link WordWeights}) when it was indexed
 */
public record Fingerprint(String articleId, ClusterMember member, long[] words, int shingles, int[] signature,
        List<SalientEntity> entities, double weight) {

    public static Fingerprint of(ArticleEvent article, List<SalientEntity> entities) {
        List<String> text = ContentWords.of(article.headline() + "\n" + article.body());
        long[] words = text.stream().mapToLong(Fingerprint::hash).distinct().sorted().toArray();
        long[] shingles = new long[Math.max(0, text.size() - 2)];
        for (int i = 0; i < shingles.length; i++) {
            shingles[i] = hash(text.get(i)) * 31 * 31 + hash(text.get(i + 1)) * 31 + hash(text.get(i + 2));
        }
        shingles = Arrays.stream(shingles).distinct().toArray();
        return new Fingerprint(ArticleIds.fromUri(article.uri()), ClusterMember.of(article), words, shingles.length,
                MinHash.signature(shingles), List.copyOf(entities), words.length);
    }

    Fingerprint weighing(double total) {
        return new Fingerprint(articleId, member, words, shingles, signature, entities, total);
    }

    public Instant firstCreated() {
        return member.firstCreated();
    }

    /** The weight of the content words two fingerprints share: a merge of the two sorted arrays. */
    static double sharedWeight(long[] a, double[] weightsOfA, long[] b) {
        double shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length;) {
            if (a[i] == b[j]) {
                shared += weightsOfA[i];
                i++;
                j++;
            }
            else if (a[i] < b[j]) {
                i++;
            }
            else {
                j++;
            }
        }
        return shared;
    }

    private static long hash(String word) {
        // String.hashCode spread over 64 bits (a Murmur3 finalizer), so shingle hashes rarely collide.
        long h = word.hashCode() * 0x9E37_79B9_7F4A_7C15L + word.length();
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        return h;
    }
}
