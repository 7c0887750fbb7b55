package org.newsroom.launcher.store;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's backend API over one H2 MVStore file, durable on acknowledge: every command's
 * changes are committed to the file before the command is answered, so a {@code kill -9} loses
 * nothing that was acknowledged (publish commits its Kafka offsets as soon as the store answered).
 * A commit writes the changed pages to the file (the operating system's cache, which a killed process
 * cannot lose; not an fsync, so a power cut still can).
 *
 * <p>What makes it faster than mongo-java-server's own H2 backend with a commit per command:
 * <ul>
 * <li>documents and keys are written to pages as BSON ({@link BsonDocumentType}, {@link BsonKeyType})
 * instead of Java serialisation;
 * <li>a bulk write is one command, so one commit however many documents it carries;
 * <li>commands of several connections share commits: {@link MVStore#commit()} waits for a commit in
 * progress and then writes everything changed meanwhile, so the writers queued behind it are covered
 * by one chunk (group commit), and a command that changed nothing writes nothing;
 * <li>the MVStore's own background commits are off: every commit is one the answer waits for.
 * </ul>
 */
public final class DurableStoreBackend extends AbstractMongoBackend {

    /** Page cache, MB: the store's working set (articles and the recent stream log) stays decoded on the heap. */
    private static final int CACHE_MB = 64;

    private final MVStore store;

    private DurableStoreBackend(MVStore store) {
        this.store = store;
        store.getMapNames().stream()
                .filter(name -> name.startsWith(StoreMaps.DOCUMENTS))
                .map(name -> name.substring(StoreMaps.DOCUMENTS.length()))
                .map(namespace -> namespace.substring(0, namespace.indexOf('.')))
                .distinct()
                .forEach(this::resolveDatabase);
    }

    /**
     * Opens (or creates) the store file; a file written by mongo-java-server's plain H2 backend is
     * upgraded to this format first, in one commit.
     */
    public static DurableStoreBackend open(Path file) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(CACHE_MB)
                .autoCommitDisabled()
                .open();
        try {
            FormatUpgrade.upgrade(store);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        return new DurableStoreBackend(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new StoreDatabase(databaseName, store, getCursorRegistry());
    }

    /** Every command of today's drivers comes as an {@code OP_MSG}, which is answered with what this returns. */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document answer = super.handleMessage(message);
        store.commit();
        return answer;
    }

    @Override
    public void close() {
        super.close();
        store.close();
    }

    @Override
    public String toString() {
        return "DurableStoreBackend[" + store.getFileStore().getFileName() + "]";
    }
}
