package org.newsroom.launcher.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection over this backend's maps, without the running data size: keeping
 * it BSON-encoded every document a second time only to measure it, and rewrote the collection's meta
 * page in every commit. {@code collStats} reports the data size the file had when it was upgraded.
 */
final class StoredCollection extends H2Collection {

    StoredCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, documents, meta, cursors);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }
}
