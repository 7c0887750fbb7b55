package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code /actuator/info} says which build answers, and the configuration metadata documents every
 * {@code newsroom.ingest.*} setting from its Javadoc.
 */
class BuildInfoIntegrationTest extends KafkaIntegrationTest {

    @Test
    void infoNamesTheBuildTheCommitAndTheRuntime() {
        JsonNode info = json.readTree(client.get().uri("/actuator/info").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());

        assertThat(info.at("/build/artifact").asString()).isEqualTo("ingest-service");
        assertThat(info.at("/build/group").asString()).isEqualTo("org.newsroom");
        assertThat(info.at("/build/version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.at("/build/time").asString()).isNotBlank();
        assertThat(info.at("/git/commit/id").asString()).matches("[0-9a-f]{7,40}");
        assertThat(info.at("/java/version").asString()).isNotBlank();
    }

    @Test
    void theConfigurationMetadataDescribesEveryIngestSetting() throws Exception {
        Map<String, String> descriptions = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json").isNotNull();
            json.readTree(in).path("properties").forEach(property -> descriptions.put(property.path("name").asString(),
                    property.path("description").asString()));
        }

        assertThat(descriptions).containsKeys("newsroom.ingest.max-body-chars", "newsroom.ingest.max-request-size",
                "newsroom.ingest.retry-after", "newsroom.ingest.partners");
        assertThat(descriptions.get("newsroom.ingest.retry-after")).contains("503");
        assertThat(descriptions).allSatisfy((name, description) -> {
            if (name.startsWith("newsroom.")) {
                assertThat(description).as(name).isNotBlank();
            }
        });
    }
}
