package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document the running service serves describes what the controllers do. */
class ApiDocsIntegrationTest extends KafkaIntegrationTest {

    @Test
    void describesThePushWithOneRequestBodyPerFormatAndEveryAnswer() {
        JsonNode doc = apiDocs();

        assertThat(doc.path("openapi").asString()).startsWith("3.1.");
        JsonNode push = doc.at("/paths/~1v1~1stories/post");
        assertThat(names(push.at("/requestBody/content"))).containsExactlyInAnyOrder("application/json",
                "text/plain", "application/x-ndjson", "application/ninjs+json", "application/vnd.iptc.ninjs+json",
                "application/rss+xml", "application/atom+xml", "application/xml", "text/xml");
        assertThat(push.at("/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/StoryRequest");
        assertThat(names(doc.at("/components/schemas/StoryRequest/properties")))
                .contains("uri", "version", "headline", "body", "source", "firstCreated", "embargoed", "relatedHints");
        // Strict, like the reader: a field the story does not have is refused
        assertThat(doc.at("/components/schemas/StoryRequest/additionalProperties").asBoolean(true)).isFalse();

        assertThat(names(push.path("responses"))).containsExactlyInAnyOrder("200", "202", "207", "400", "401", "403",
                "409", "413", "415", "429", "503");
        assertThat(push.at("/responses/202/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/StoryAccepted");
        assertThat(names(doc.at("/components/schemas/StoryAccepted/properties")))
                .containsExactlyInAnyOrder("messageId", "articleId", "uri", "version", "status", "embargoedUntil");
        assertThat(push.at("/responses/207/content/application~1json/schema/items/$ref").asString())
                .isEqualTo("#/components/schemas/BatchLineResult");
        assertThat(names(push.at("/responses/503/headers"))).containsExactly("Retry-After");
        for (String status : List.of("400", "401", "403", "409", "413", "415", "429", "503")) {
            assertThat(push.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asString())
                    .as("problem of %s", status).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(doc.at("/components/schemas/Problem/required").toString()).contains("type", "title", "status");

        List<String> headers = new ArrayList<>();
        push.path("parameters").forEach(parameter -> headers.add(parameter.path("name").asString()));
        assertThat(headers).contains("X-Signature", "X-Story-Uri");
        assertThat(doc.at("/components/securitySchemes/partnerKey/name").asString()).isEqualTo("X-Api-Key");
    }

    @Test
    void describesTheStatusEndpointAndServesTheUi() {
        JsonNode status = apiDocs().at("/paths/~1v1~1stories~1{uri}~1status/get");

        assertThat(status.at("/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/StoryStatus");
        assertThat(status.at("/responses/404/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    private JsonNode apiDocs() {
        // The first request builds the document, which takes longer than the client's 5 s on a busy machine.
        byte[] doc = client.mutate().responseTimeout(TIMEOUT).build().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return json.readTree(doc);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>(object.propertyNames());
        assertThat(names).as("members of %s", object).isNotEmpty();
        return names;
    }
}
