package org.newsroom.launcher;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * The store backend before {@code DurableStoreBackend}, kept for {@link StoreInsertBench} to compare
 * against: mongo-java-server's H2 backend, durable on acknowledge: every command's changes are committed to
 * the MVStore file before the command is answered. The plain backend leaves them to the MVStore's
 * background commit (about once a second), so a {@code kill -9} lost writes that had been
 * acknowledged, and publish commits its Kafka offsets as soon as the store acknowledged, so those
 * stories were lost for good. A commit writes the changed pages to the file (the operating system's
 * cache, which a killed process cannot lose; not an fsync, so a power cut still can); it does
 * nothing after a command that changed nothing, so reads cost no more than before.
 */
final class CommitOnWriteH2Backend extends H2Backend {

    CommitOnWriteH2Backend(String fileName) {
        super(fileName);
    }

    /** Every command of today's drivers comes as an {@code OP_MSG}, which is answered with what this returns. */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document answer = super.handleMessage(message);
        commit();
        return answer;
    }
}
