package org.newsroom.enrich.related;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.BytesRef;

/**
 * The document frequencies of the archive's terms for one search, each term looked up once per
 * search and, through {@link SegmentFrequencies}, once per segment for the segment's life. The
 * counts are the same as {@link IndexReader#docFreq}'s: the sum over the segments. That method
 * opens a new enumeration of every segment's terms dictionary for each call: rescoring the
 * candidates that way took about a quarter of the whole enrichment, CRF included (found with the
 * enrichment benchmark).
 */
final class DocumentFrequencies {

    private final List<SegmentFrequencies> segments = new ArrayList<>();
    private final int documents;
    private final Map<BytesRef, TermStatistics> byTerm = new HashMap<>();

    DocumentFrequencies(IndexReader reader, SegmentFrequencies.BySegment remembered) throws IOException {
        this.documents = reader.maxDoc();
        for (LeafReaderContext leaf : reader.leaves()) {
            SegmentFrequencies segment = remembered.of(leaf.reader());
            if (segment != null) {
                segments.add(segment);
            }
        }
    }

    int df(BytesRef term) {
        return of(term).df;
    }

    /** The idf as BM25 computes it: what the text vectors and the keywords weigh terms with. */
    double idf(String term) {
        return of(new BytesRef(term)).idf;
    }

    /**
     * What is known of a term in this search, one hash lookup for all of it: rescoring looks up
     * every term of every candidate.
     *
     * @param term may be a reused buffer, as a terms enumeration gives it: it is copied if kept
     */
    TermStatistics of(BytesRef term) {
        TermStatistics statistics = byTerm.get(term);
        if (statistics == null) {
            int df = 0;
            try {
                for (SegmentFrequencies segment : segments) {
                    df += segment.docFreq(term);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            statistics = new TermStatistics(df, Math.log(1 + (documents - df + 0.5) / (df + 0.5)));
            byTerm.put(BytesRef.deepCopyOf(term), statistics);
        }
        return statistics;
    }

    /** A term's document frequency and idf in the archive, and its tf-idf weight in the article (0 if absent). */
    static final class TermStatistics {

        final int df;
        final double idf;
        double queryWeight;

        TermStatistics(int df, double idf) {
            this.df = df;
            this.idf = idf;
        }
    }
}
