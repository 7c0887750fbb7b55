package org.newsroom.enrich.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures of sets of 64-bit hashes: for each of {@link #SIZE} hash functions, the
 * smallest value over the set. The fraction of positions where two signatures agree estimates the
 * Jaccard similarity of the sets (standard error about 1/sqrt(SIZE) = 0.09). The functions are
 * fixed (seeded) so signatures stay comparable across restarts and instances.
 */
final class MinHash {

    /** Signature length; {@link #BANDS} × {@link #ROWS}. */
    static final int SIZE = 64;
    /** LSH bands: two sets share a band with probability 1 - (1 - J^ROWS)^BANDS, 0.5 at J ≈ 0.42. */
    static final int BANDS = 16;
    static final int ROWS = SIZE / BANDS;

    private static final long[] MULTIPLIERS = new long[SIZE];
    private static final long[] ADDENDS = new long[SIZE];

    static {
        SplittableRandom random = new SplittableRandom(0x5107_C1A5_7E25L);
        for (int i = 0; i < SIZE; i++) {
            MULTIPLIERS[i] = random.nextLong() | 1;
            ADDENDS[i] = random.nextLong();
        }
    }

    private MinHash() {
    }

    static int[] signature(long[] hashes) {
        int[] signature = new int[SIZE];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (long hash : hashes) {
            for (int i = 0; i < SIZE; i++) {
                // The upper half of a multiply-add is a good universal hash of a 64-bit key.
                int value = (int) ((hash * MULTIPLIERS[i] + ADDENDS[i]) >>> 33);
                if (value < signature[i]) {
                    signature[i] = value;
                }
            }
        }
        return signature;
    }

    /** The estimated Jaccard similarity; 0 when either set was empty. */
    static double similarity(int[] a, int[] b) {
        if (a[0] == Integer.MAX_VALUE || b[0] == Integer.MAX_VALUE) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) SIZE;
    }

    /** The key of one band of a signature, for the LSH index; the band number is part of it. */
    static long bandKey(int[] signature, int band) {
        long key = band;
        for (int row = band * ROWS; row < (band + 1) * ROWS; row++) {
            key = key * 0x9E37_79B9_7F4A_7C15L + signature[row];
        }
        return key;
    }
}
