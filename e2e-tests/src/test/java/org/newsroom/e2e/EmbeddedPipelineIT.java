package org.newsroom.e2e;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.newsroom.launcher.PartnerCredentials;
import org.newsroom.launcher.ServiceJars;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The pipeline on an embedded KRaft broker and mongo-java-server, both on 127.0.0.1: runs
 * everywhere, including machines without Docker. It also runs the README's lines. Enrich and
 * publish run as two instances each, as a scaled deployment does, so every scenario here holds
 * for a scaled pipeline too, and {@link ScaledScenario} checks what only scaling can break.
 */
@EmbeddedKafka
class EmbeddedPipelineIT extends PipelineScenarios implements LivePageScenario, ReadmeScenario, ScaledScenario {

    private static LocalPipeline pipeline;
    private static String bootstrapServers;

    @BeforeAll
    static void startNewsroom() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        bootstrapServers = broker.getBrokersAsString();
        // Ingest also knows ./newsroom's local partner, whose key and secret the README's lines use.
        pipeline = LocalPipeline.start(bootstrapServers, "pipeline",
                Map.of(ServiceJars.INGEST, PartnerCredentials.LOCAL.ingestEnvironment(1)),
                Map.of(ServiceJars.ENRICH, 2, ServiceJars.PUBLISH, 2));
    }

    @AfterAll
    static void stopNewsroom() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Override
    public NewsroomServices services() {
        return pipeline.services();
    }

    @Override
    public String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    @Override
    String mongoUri() {
        return pipeline.mongoUri();
    }
}
