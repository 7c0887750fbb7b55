package org.newsroom.launcher.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The names and types of the store file's maps. Per collection: its documents by key, its meta data
 * (the data size) and one map per unique index. Documents and keys are in BSON ({@link BsonDocumentType},
 * {@link BsonKeyType}) under names of their own, so a file the plain H2 backend wrote (Java-serialised
 * values under the same names without {@value #PREFIX}) is told apart and upgraded ({@link FormatUpgrade}).
 */
final class StoreMaps {

    static final String PREFIX = "bson.";
    static final String DOCUMENTS = PREFIX + "databases.";
    static final String META = "meta.";
    static final String INDEX = "._index_";

    private StoreMaps() {
    }

    static String documentsName(String namespace) {
        return DOCUMENTS + namespace;
    }

    static String metaName(String namespace) {
        return META + namespace;
    }

    static String indexName(String namespace, String indexName) {
        return PREFIX + namespace + INDEX + indexName;
    }

    static MVMap<Object, Document> documents(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>()
                .keyType(BsonKeyType.ID).valueType(BsonDocumentType.INSTANCE));
    }

    static MVMap<KeyValue, Object> index(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>()
                .keyType(BsonKeyType.INDEX_KEY).valueType(BsonKeyType.ID));
    }

    /** The data size of a collection, a {@code Long} under {@code dataSize}: the H2 backend's own format, kept. */
    static MVMap<String, Object> meta(MVStore store, String name) {
        return store.openMap(name);
    }
}
