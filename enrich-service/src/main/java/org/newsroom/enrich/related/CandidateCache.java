package org.newsroom.enrich.related;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * What was read of the archived articles compared most recently, by document. Lucene keeps
 * stored fields and term vectors compressed in chunks of documents, so reading one candidate
 * decompresses its chunks: about a third of the archive comparison, for the twenty or so
 * candidates of every article. While a story develops the same earlier articles come back as
 * candidates, so the ones used last are kept, a few kilobytes each. A segment never changes, so a
 * kept entry stays true; once its segment is merged away it is no longer asked for and ages out.
 *
 * @param <V> what is kept of a document
 */
final class CandidateCache<V> {

    private final int capacity;
    private final Map<Key, V> recent;

    /** @param capacity how many documents to keep at most; 0 keeps none */
    CandidateCache(int capacity) {
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
                return size() > CandidateCache.this.capacity;
            }
        };
    }

    /** What is kept of a document of the reader, read with the loader if it is not kept yet. */
    V of(IndexReader reader, int doc, Loader<V> loader) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
        if (core == null || capacity == 0) {
            return loader.load(doc);
        }
        Key key = new Key(core.getKey(), doc - leaf.docBase);
        synchronized (recent) {
            V kept = recent.get(key);
            if (kept != null) {
                return kept;
            }
        }
        V loaded = loader.load(doc);
        synchronized (recent) {
            recent.put(key, loaded);
        }
        return loaded;
    }

    /** Reads what is kept of a document, by its id in the whole reader. */
    @FunctionalInterface
    interface Loader<V> {
        V load(int doc) throws IOException;
    }

    private record Key(IndexReader.CacheKey segment, int doc) {
    }
}
