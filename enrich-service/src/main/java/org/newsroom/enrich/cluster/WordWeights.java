package org.newsroom.enrich.cluster;

/**
 * The weight of a content word: its inverse document frequency among the articles of the window,
 * {@code ln((N + 1) / (df + 1)) + 1}. Words every story of the day uses ("government", "talks")
 * count little; the particulars of one event (a score, a figure, a village) count most. With an
 * empty archive all words weigh 1.
 */
final class WordWeights {

    private WordWeights() {
    }

    static double[] of(long[] words, ClusterArchive archive) {
        double articles = archive.size() + 1;
        double[] weights = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            weights[i] = Math.log(articles / (archive.documentFrequency(words[i]) + 1)) + 1;
        }
        return weights;
    }

    static double sum(double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        return sum;
    }
}
