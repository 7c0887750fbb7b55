package org.newsroom.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.newsroom.launcher.store.DurableStoreBackend;

/**
 * A Mongo-compatible server (mongo-java-server) speaking the real wire protocol over TCP, so the
 * services use their normal MongoDB driver against it.
 *
 * <p>It lacks {@code $text}, capped collections, tailable cursors and transactions, and change streams
 * are off: the newsroom does not depend on them, and the oplog they need would grow without bound
 * in the store file.
 */
public final class LocalMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final String host;
    private final int port;
    private boolean closed;

    private LocalMongoServer(MongoBackend backend, String host, int port) {
        this.server = new MongoServer(backend);
        try {
            this.server.bind(host, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("The Mongo-compatible store could not listen on " + host + ":" + port
                    + ": " + e.getMessage(), e);
        }
        this.host = host;
        this.port = server.getLocalAddress().getPort();
    }

    /** A store that forgets everything on {@link #close()}; port 0 picks any free port. */
    public static LocalMongoServer inMemory(String host, int port) {
        return new LocalMongoServer(new MemoryBackend(), host, port);
    }

    /**
     * A store kept in one H2 MVStore file, so articles survive a restart of the launcher, and a
     * crash: a write is in the file before it is acknowledged ({@link DurableStoreBackend}).
     *
     * @param file the store file, created with its parent folders if missing
     * @param port the TCP port; 0 picks any free port
     */
    public static LocalMongoServer fileBacked(Path file, String host, int port) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for " + absolute, e);
        }
        return new LocalMongoServer(DurableStoreBackend.open(absolute), host, port);
    }

    /** A driver connection string for {@code database}, e.g. {@code mongodb://127.0.0.1:27017/newsroom}. */
    public String connectionString(String database) {
        return "mongodb://" + host + ":" + port + "/" + database;
    }

    /** The port actually bound, useful when the store was started on port 0. */
    public int port() {
        return port;
    }

    /** Stops listening, closes the clients' cursors and, for a file-backed store, flushes the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Also closes the backend, which commits and closes an H2 store file.
        server.shutdown();
    }
}
