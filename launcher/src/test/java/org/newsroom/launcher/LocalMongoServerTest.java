package org.newsroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMongoServerTest {

    @TempDir
    Path tmp;

    @Test
    void fileBackedStoreKeepsDocumentsAcrossARestart() {
        Path file = tmp.resolve("data/mongo.mv");
        Document article = new Document("_id", "a1b2c3").append("headline", "Storm hits the coast");

        // Given a document written with the real driver
        try (LocalMongoServer mongo = LocalMongoServer.fileBacked(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString("newsroom"))) {
            articles(client).insertOne(article);
        }

        // When the store is opened again from the same file
        try (LocalMongoServer reopened = LocalMongoServer.fileBacked(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(reopened.connectionString("newsroom"))) {

            // Then the document is still there
            assertThat(articles(client).find().into(new ArrayList<>())).containsExactly(article);
        }
    }

    @Test
    void fileBackedStoreKeepsEveryAcknowledgedDocumentWhenItsProcessIsKilled() throws Exception {
        Path file = tmp.resolve("killed/mongo.mv");
        List<Document> acknowledged = new ArrayList<>();

        // Given a store in a process of its own, and documents it acknowledged one by one
        Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FileStoreProgram.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        try {
            int port = portOf(store);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/newsroom")) {
                for (int n = 0; n < 200; n++) {
                    Document article = new Document("_id", "article-" + n).append("headline", "Story " + n);
                    articles(client).insertOne(article);
                    acknowledged.add(article);
                }
                articles(client).updateOne(new Document("_id", "article-0"),
                        new Document("$set", new Document("headline", "Story 0, corrected")));
                acknowledged.set(0, new Document("_id", "article-0").append("headline", "Story 0, corrected"));

                // When the process is killed right after the last acknowledgement (SIGKILL: no shutdown hook)
                store.destroyForcibly();
            }
            assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        finally {
            store.destroyForcibly();
        }

        // Then the file, opened again, holds every acknowledged write
        try (LocalMongoServer reopened = LocalMongoServer.fileBacked(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(reopened.connectionString("newsroom"))) {
            assertThat(articles(client).find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }

    @Test
    void fileBackedStoreKeepsTheDocumentsAndIndexesOfAFileThePlainH2BackendWrote() {
        Path file = tmp.resolve("old/mongo.mv");
        file.getParent().toFile().mkdirs();
        Document first = new Document("_id", "a1").append("uri", "urn:one").append("version", 2L)
                .append("entities", List.of(new Document("name", "Ada Lovelace").append("salience", 0.75)));
        Document second = new Document("_id", "a2").append("uri", "urn:two").append("version", 1L);

        // Given a store file written by mongo-java-server's own H2 backend, with a unique index
        MongoServer old = new MongoServer(new H2Backend(file.toString()));
        old.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + old.getLocalAddress().getPort())) {
            articles(client).createIndex(Indexes.ascending("uri"), new IndexOptions().unique(true));
            articles(client).insertMany(List.of(first, second));
        }
        finally {
            old.shutdown();
        }

        // When the launcher's store opens it
        try (LocalMongoServer reopened = LocalMongoServer.fileBacked(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(reopened.connectionString("newsroom"))) {

            // Then the documents are there, found by id, and the unique index still holds
            assertThat(articles(client).find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                    .containsExactly(first, second);
            assertThat(articles(client).find(new Document("_id", "a2")).first()).isEqualTo(second);
            assertThatThrownBy(() -> articles(client).insertOne(new Document("_id", "a3").append("uri", "urn:one")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }

        // And a second opening reads the upgraded file as it is
        try (LocalMongoServer again = LocalMongoServer.fileBacked(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(again.connectionString("newsroom"))) {
            assertThat(articles(client).countDocuments()).isEqualTo(2);
        }
    }

    /** Reads the child's output up to the line that names its port. */
    private static int portOf(Process store) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("port ")) {
                return Integer.parseInt(line.substring("port ".length()).strip());
            }
        }
        throw new AssertionError("The store process ended without telling its port");
    }

    @Test
    void inMemoryStoreReportsTheBoundPortInItsConnectionString() {
        try (LocalMongoServer mongo = LocalMongoServer.inMemory("127.0.0.1", 0)) {
            assertThat(mongo.port()).isPositive();
            assertThat(mongo.connectionString("newsroom")).isEqualTo("mongodb://127.0.0.1:" + mongo.port() + "/newsroom");
        }
    }

    private static MongoCollection<Document> articles(MongoClient client) {
        return client.getDatabase("newsroom").getCollection("articles");
    }
}
