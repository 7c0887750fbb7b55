package org.newsroom.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.newsroom.launcher.LocalMongoServer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The pipeline on an embedded KRaft broker and mongo-java-server, both on 127.0.0.1: runs
 * everywhere, including machines without Docker.
 */
@EmbeddedKafka
class EmbeddedPipelineIT extends PipelineScenarios implements LivePageScenario {

    private static LocalMongoServer mongo;
    private static NewsroomServices services;
    private static String bootstrapServers;

    @BeforeAll
    static void startNewsroom() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        bootstrapServers = broker.getBrokersAsString();
        mongo = LocalMongoServer.inMemory("127.0.0.1", 0);
        services = NewsroomServices.start(bootstrapServers, mongo.connectionString("newsroom"));
    }

    @AfterAll
    static void stopNewsroom() {
        if (services != null) {
            services.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @Override
    public NewsroomServices services() {
        return services;
    }

    @Override
    String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    @Override
    String mongoUri() {
        return mongo.connectionString("newsroom");
    }
}
