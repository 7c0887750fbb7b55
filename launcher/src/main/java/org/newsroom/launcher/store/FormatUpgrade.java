package org.newsroom.launcher.store;

import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves what mongo-java-server's plain H2 backend wrote (documents and index keys Java-serialised,
 * in maps named {@code databases.<db>.<collection>} and {@code <db>.<collection>._index_<name>}) into
 * this backend's maps ({@link StoreMaps}), so a newsroom's store file from before keeps its articles.
 * The meta maps are the same in both. Nothing is committed until everything is copied and the old maps
 * are removed, and the store's background commits are off, so a crash midway leaves the old file as it was.
 */
final class FormatUpgrade {

    private static final Logger log = LoggerFactory.getLogger(FormatUpgrade.class);
    private static final String OLD_DOCUMENTS = "databases.";

    private FormatUpgrade() {
    }

    static void upgrade(MVStore store) {
        List<String> old = store.getMapNames().stream()
                .filter(name -> name.startsWith(OLD_DOCUMENTS) || name.contains(StoreMaps.INDEX) && !name.startsWith(StoreMaps.PREFIX))
                .toList();
        if (old.isEmpty()) {
            return;
        }
        long copied = 0;
        for (String name : old) {
            MVMap<Object, Object> from = store.openMap(name);
            if (name.startsWith(OLD_DOCUMENTS)) {
                MVMap<Object, Document> to = StoreMaps.documents(store, StoreMaps.PREFIX + name);
                from.forEach((key, document) -> to.put(key, (Document) document));
            } else {
                MVMap<KeyValue, Object> to = StoreMaps.index(store, StoreMaps.PREFIX + name);
                from.forEach((key, position) -> to.put((KeyValue) key, position));
            }
            copied += from.sizeAsLong();
            store.removeMap(from);
        }
        store.commit();
        log.info("Upgraded the store file to BSON pages: {} maps, {} entries", old.size(), copied);
    }
}
