package org.newsroom.enrich.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class MinHashTest {

    @Test
    void theShareOfEqualPositionsEstimatesTheJaccardSimilarity() {
        // 0..999 and 500..1499 share 500 of 1500 hashes: J = 1/3.
        int[] a = MinHash.signature(LongStream.range(0, 1000).map(MinHashTest::spread).toArray());
        int[] b = MinHash.signature(LongStream.range(500, 1500).map(MinHashTest::spread).toArray());

        assertThat(MinHash.similarity(a, a)).isEqualTo(1.0);
        assertThat(MinHash.similarity(a, b)).isCloseTo(1.0 / 3, within(0.2));
        assertThat(MinHash.similarity(a, MinHash.signature(new long[0]))).isZero();
    }

    @Test
    void identicalSetsShareEveryBandAndDisjointOnesAlmostNone() {
        int[] a = MinHash.signature(LongStream.range(0, 300).map(MinHashTest::spread).toArray());
        int[] same = MinHash.signature(LongStream.range(0, 300).map(MinHashTest::spread).toArray());
        int[] disjoint = MinHash.signature(LongStream.range(1000, 1300).map(MinHashTest::spread).toArray());

        int sharedBands = 0;
        int disjointBands = 0;
        for (int band = 0; band < MinHash.BANDS; band++) {
            sharedBands += MinHash.bandKey(a, band) == MinHash.bandKey(same, band) ? 1 : 0;
            disjointBands += MinHash.bandKey(a, band) == MinHash.bandKey(disjoint, band) ? 1 : 0;
        }
        assertThat(sharedBands).isEqualTo(MinHash.BANDS);
        assertThat(disjointBands).isZero();
    }

    private static long spread(long value) {
        return value * 0x9E37_79B9_7F4A_7C15L;
    }
}
