package org.newsroom.enrich.related;

import java.io.IOException;
import java.util.List;
import java.util.function.ToIntFunction;

import org.apache.lucene.index.CompositeReader;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * A reader that answers the document frequencies of one field from the search's own counts and
 * passes everything else to the archive's reader. It is what MoreLikeThis reads from: MoreLikeThis
 * asks the reader for the document frequency of every distinct word of the article, and a
 * composite reader answers each such question with a new terms enumeration of every segment;
 * that was half of what the archive comparison allocated, for counts the search looks up anyway.
 * The view has no sub-readers of its own and closes nothing: it lives only as long as the search.
 */
final class DocumentFrequencyView extends CompositeReader {

    private final IndexReader reader;
    private final String field;
    private final ToIntFunction<BytesRef> documentFrequency;

    DocumentFrequencyView(IndexReader reader, String field, ToIntFunction<BytesRef> documentFrequency) {
        this.reader = reader;
        this.field = field;
        this.documentFrequency = documentFrequency;
    }

    @Override
    public int docFreq(Term term) throws IOException {
        return field.equals(term.field()) ? documentFrequency.applyAsInt(term.bytes()) : reader.docFreq(term);
    }

    @Override
    protected List<? extends IndexReader> getSequentialSubReaders() {
        return List.of();
    }

    @Override
    @Deprecated
    public Fields getTermVectors(int docID) throws IOException {
        return reader.termVectors().get(docID);
    }

    @Override
    public TermVectors termVectors() throws IOException {
        return reader.termVectors();
    }

    @Override
    public int numDocs() {
        return reader.numDocs();
    }

    @Override
    public int maxDoc() {
        return reader.maxDoc();
    }

    @Override
    @Deprecated
    public void document(int docID, StoredFieldVisitor visitor) throws IOException {
        reader.storedFields().document(docID, visitor);
    }

    @Override
    public StoredFields storedFields() throws IOException {
        return reader.storedFields();
    }

    @Override
    protected void doClose() {
        // The archive's reader belongs to its searcher manager.
    }

    @Override
    public @Nullable CacheHelper getReaderCacheHelper() {
        return null;
    }

    @Override
    public long totalTermFreq(Term term) throws IOException {
        return reader.totalTermFreq(term);
    }

    @Override
    public long getSumDocFreq(String field) throws IOException {
        return reader.getSumDocFreq(field);
    }

    @Override
    public int getDocCount(String field) throws IOException {
        return reader.getDocCount(field);
    }

    @Override
    public long getSumTotalTermFreq(String field) throws IOException {
        return reader.getSumTotalTermFreq(field);
    }
}
