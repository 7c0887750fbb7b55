package org.newsroom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The services' Spring Cloud Stream bindings name their topics in application.yml, which cannot
 * read {@link Topics}: this pins every destination and dead-letter topic there to the contract, so
 * that a renamed topic fails here and not in production.
 */
class BindingDestinationsTest {

    @Test
    void enrichReadsArticlesWritesEnrichedAndDeadLettersArticles() {
        JsonNode stream = streamOf("enrich-service");
        assertThat(destination(stream, "enrichArticle-in-0")).isEqualTo(Topics.ARTICLES.name());
        assertThat(destination(stream, "enrichArticle-out-0")).isEqualTo(Topics.ENRICHED.name());
        assertThat(deadLetters(stream, "enrichArticle-in-0")).isEqualTo(Topics.ARTICLES.deadLetters("enrich"));
    }

    @Test
    void publishReadsEnrichedAndDeadLettersEnriched() {
        JsonNode stream = streamOf("publish-service");
        assertThat(destination(stream, "storeArticle-in-0")).isEqualTo(Topics.ENRICHED.name());
        assertThat(deadLetters(stream, "storeArticle-in-0")).isEqualTo(Topics.ENRICHED.deadLetters("publish"));
    }

    @Test
    void everyBindingIsPinned() {
        assertThat(streamOf("enrich-service").path("bindings").propertyNames())
                .containsExactlyInAnyOrder("enrichArticle-in-0", "enrichArticle-out-0");
        assertThat(streamOf("publish-service").path("bindings").propertyNames())
                .containsExactlyInAnyOrder("storeArticle-in-0");
    }

    private static JsonNode streamOf(String service) {
        Path yml = Path.of("..", service, "src", "main", "resources", "application.yml");
        return new YAMLMapper().readTree(yml.toFile()).at("/spring/cloud/stream");
    }

    private static String destination(JsonNode stream, String binding) {
        return stream.at("/bindings/" + binding + "/destination").asString();
    }

    private static String deadLetters(JsonNode stream, String binding) {
        return stream.at("/kafka/bindings/" + binding + "/consumer/dlq-name").asString();
    }
}
