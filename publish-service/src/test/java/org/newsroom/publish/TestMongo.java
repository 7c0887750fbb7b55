package org.newsroom.publish;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-memory MongoDB server per test JVM, listening on a free port of 127.0.0.1, so that tests
 * use the real reactive driver over TCP. Each test class takes its own database. The server lives
 * as long as the JVM, so that cached Spring contexts never lose their database before they close.
 */
public final class TestMongo {

    private static final MongoServer SERVER = start();

    private TestMongo() {
    }

    private static MongoServer start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    /** A connection string to the shared server, selecting the given database. */
    public static String uri(String database) {
        return "mongodb://127.0.0.1:" + SERVER.getLocalAddress().getPort() + "/" + database;
    }
}
