package org.newsroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
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
