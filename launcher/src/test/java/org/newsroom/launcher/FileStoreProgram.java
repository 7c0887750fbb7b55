package org.newsroom.launcher;

import java.nio.file.Path;

/**
 * A file-backed store in a JVM of its own, for {@link LocalMongoServerTest} to kill: serves the file
 * given as first argument on a free port of 127.0.0.1, prints that port, and runs until killed.
 */
public final class FileStoreProgram {

    private FileStoreProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalMongoServer store = LocalMongoServer.fileBacked(Path.of(args[0]), "127.0.0.1", 0);
        System.out.println("port " + store.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
