package org.newsroom.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same pipeline on the real Kafka and MongoDB images used in production, wherever a Docker
 * engine is available; skipped elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersPipelineIT extends PipelineScenarios {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    private static NewsroomServices services;

    @BeforeAll
    static void startNewsroom() {
        services = NewsroomServices.start(KAFKA.getBootstrapServers(), mongoUriOf(MONGO));
    }

    @AfterAll
    static void stopNewsroom() {
        if (services != null) {
            services.close();
        }
    }

    private static String mongoUriOf(MongoDBContainer mongo) {
        return mongo.getReplicaSetUrl("newsroom");
    }

    @Override
    NewsroomServices services() {
        return services;
    }

    @Override
    String kafkaBootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @Override
    String mongoUri() {
        return mongoUriOf(MONGO);
    }
}
