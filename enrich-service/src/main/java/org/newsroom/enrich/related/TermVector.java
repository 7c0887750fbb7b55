package org.newsroom.enrich.related;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * A document's terms in index order with their frequencies, decoded from its Lucene term vector:
 * the terms' bytes one after the other, so that keeping it costs little more than the text.
 */
final class TermVector {

    private static final TermVector EMPTY = new TermVector(new byte[0], new int[1], new int[0]);

    private final byte[] bytes;
    private final int[] starts;
    private final int[] frequencies;

    private TermVector(byte[] bytes, int[] starts, int[] frequencies) {
        this.bytes = bytes;
        this.starts = starts;
        this.frequencies = frequencies;
    }

    /** The decoded vector, empty if the document has none. */
    static TermVector of(Terms terms) throws IOException {
        if (terms == null) {
            return EMPTY;
        }
        byte[] bytes = new byte[256];
        int[] starts = new int[65];
        int[] frequencies = new int[64];
        int size = 0;
        TermsEnum iterator = terms.iterator();
        for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
            int end = starts[size] + term.length;
            bytes = ArrayUtil.grow(bytes, end);
            System.arraycopy(term.bytes, term.offset, bytes, starts[size], term.length);
            frequencies = ArrayUtil.grow(frequencies, size + 1);
            frequencies[size] = (int) iterator.totalTermFreq();
            starts = ArrayUtil.grow(starts, size + 2);
            starts[++size] = end;
        }
        return new TermVector(Arrays.copyOf(bytes, starts[size]), Arrays.copyOf(starts, size + 1),
                Arrays.copyOf(frequencies, size));
    }

    int size() {
        return frequencies.length;
    }

    /** The i-th term, pointed at by the given reusable reference. */
    BytesRef term(int i, BytesRef into) {
        into.bytes = bytes;
        into.offset = starts[i];
        into.length = starts[i + 1] - starts[i];
        return into;
    }

    int frequency(int i) {
        return frequencies[i];
    }
}
