package org.newsroom.enrich.related;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.jspecify.annotations.Nullable;

/**
 * The document frequencies of one index segment's terms in one field, remembered as they are
 * asked for. A segment never changes once written (deleting a document does not change document
 * frequencies, only the merge that writes a new segment does), so a remembered count stays true
 * for the segment's life, across searches and refreshes. Each comparison looks up every term of
 * the article and of about twenty candidates; finding each anew in the terms dictionary was the
 * largest part of the archive comparison. The terms are kept as bytes in a {@link BytesRefHash},
 * a few bytes more than the term each.
 */
final class SegmentFrequencies {

    private final TermsEnum dictionary;
    private final BytesRefHash known = new BytesRefHash();
    private int[] frequencies = new int[64];

    private SegmentFrequencies(TermsEnum dictionary) {
        this.dictionary = dictionary;
    }

    /** The number of the segment's documents that contain the term (deleted ones included, as Lucene counts). */
    synchronized int docFreq(BytesRef term) throws IOException {
        int id = known.find(term);
        if (id >= 0) {
            return frequencies[id];
        }
        int frequency = dictionary.seekExact(term) ? dictionary.docFreq() : 0;
        id = known.add(term);
        frequencies = ArrayUtil.grow(frequencies, id + 1);
        frequencies[id] = frequency;
        return frequency;
    }

    /** The remembered frequencies of each open segment of an index, forgotten when the segment closes. */
    static final class BySegment {

        private final String field;
        private final Map<IndexReader.CacheKey, SegmentFrequencies> segments = new ConcurrentHashMap<>();

        BySegment(String field) {
            this.field = field;
        }

        /** The frequencies of a segment, or null if no document of the segment has the field. */
        @Nullable SegmentFrequencies of(LeafReader segment) throws IOException {
            Terms terms = segment.terms(field);
            if (terms == null) {
                return null;
            }
            IndexReader.CacheHelper core = segment.getCoreCacheHelper();
            if (core == null) {
                return new SegmentFrequencies(terms.iterator());
            }
            return segments.computeIfAbsent(core.getKey(), key -> {
                core.addClosedListener(segments::remove);
                try {
                    return new SegmentFrequencies(terms.iterator());
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
