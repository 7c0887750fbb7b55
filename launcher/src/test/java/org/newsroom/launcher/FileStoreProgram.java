package org.newsroom.launcher;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A file-backed store in a JVM of its own, for {@link LocalMongoServerTest} to kill: serves the file
 * given as first argument on a free port of 127.0.0.1, prints that port, and runs until killed. With
 * {@code before} as second argument it serves the file with the backend the launcher used before
 * ({@link CommitOnWriteH2Backend}), for publish's intake benchmark to run against both.
 */
public final class FileStoreProgram {

    private FileStoreProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 1 && args[1].equals("before")) {
            MongoServer server = new MongoServer(new CommitOnWriteH2Backend(args[0]));
            server.bind("127.0.0.1", 0);
            System.out.println("port " + server.getLocalAddress().getPort());
        } else {
            LocalMongoServer store = LocalMongoServer.fileBacked(Path.of(args[0]), "127.0.0.1", 0);
            System.out.println("port " + store.port());
        }
        System.out.flush();
        Thread.currentThread().join();
    }
}
