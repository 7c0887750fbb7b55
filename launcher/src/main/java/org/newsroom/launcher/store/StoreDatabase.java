package org.newsroom.launcher.store;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVStore;

/** A database of the store file: its collections and unique indexes as {@link StoreMaps}. */
final class StoreDatabase extends AbstractSynchronizedMongoDatabase<Object> {

    private final MVStore store;

    StoreDatabase(String name, MVStore store, CursorRegistry cursors) {
        super(name, cursors);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        return new StoredCollection(this, collectionName, options, StoreMaps.documents(store, StoreMaps.documentsName(namespace)),
                StoreMaps.meta(store, StoreMaps.metaName(namespace)), cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        String mapName = StoreMaps.indexName(getFullCollectionNamespace(collectionName), indexName);
        return new StoredUniqueIndex(StoreMaps.index(store, mapName), indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(StoreMaps.indexName(collection.getFullName(), indexName));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        String namespaces = databaseName + ".";
        store.getMapNames().stream()
                .filter(name -> name.startsWith(StoreMaps.DOCUMENTS + namespaces)
                        || name.startsWith(StoreMaps.META + namespaces)
                        || name.startsWith(StoreMaps.PREFIX + namespaces))
                .toList()
                .forEach(store::removeMap);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        removeCollectionMaps(getFullCollectionNamespace(collectionName));
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String from = collection.getFullName();
        String to = collection.getDatabaseName() + "." + newCollectionName;
        store.renameMap(StoreMaps.documents(store, StoreMaps.documentsName(from)), StoreMaps.documentsName(to));
        store.renameMap(StoreMaps.meta(store, StoreMaps.metaName(from)), StoreMaps.metaName(to));
    }

    private void removeCollectionMaps(String namespace) {
        store.removeMap(StoreMaps.documentsName(namespace));
        store.removeMap(StoreMaps.metaName(namespace));
        String indexes = StoreMaps.PREFIX + namespace + StoreMaps.INDEX;
        store.getMapNames().stream().filter(name -> name.startsWith(indexes)).toList().forEach(store::removeMap);
    }

    @Override
    protected long getStorageSize() {
        return store.getFileStore() == null ? 0 : store.getFileStore().size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}
