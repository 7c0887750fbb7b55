package org.newsroom.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.ProblemType;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document the running service serves describes the stream and the article queries. */
class ApiDocsIntegrationTest extends PublishServiceTestBase {

    @Test
    void describesTheStreamAsSseAndNdjsonWithItsFiltersAndRefusals() {
        JsonNode doc = apiDocs();

        assertThat(doc.path("openapi").asString()).startsWith("3.1.");
        JsonNode stream = doc.at("/paths/~1v1~1stream/get");
        assertThat(names(stream.at("/responses/200/content"))).containsExactlyInAnyOrder("text/event-stream",
                "application/x-ndjson");
        assertThat(stream.at("/responses/200/content/text~1event-stream/schema/description").asString())
                .contains("id:", "event:", "data:");
        assertThat(stream.at("/externalDocs/url").asString()).isEqualTo("docs/asyncapi.yaml");
        assertThat(stream.at("/responses/200/content/application~1x-ndjson/schema/$ref").asString())
                .isEqualTo("#/components/schemas/StreamMessage");
        JsonNode message = doc.at("/components/schemas/StreamMessage/properties");
        assertThat(message.at("/event/enum").toString()).contains("published", "killed", "clustered", "reset", "end",
                "heartbeat");
        assertThat(message.at("/data/oneOf").toString()).contains("#/components/schemas/ArticleView",
                "#/components/schemas/ClusterView", "#/components/schemas/Killed", "#/components/schemas/Reset",
                "#/components/schemas/End");

        List<String> parameters = new ArrayList<>();
        stream.path("parameters").forEach(parameter -> parameters.add(parameter.path("name").asString()));
        assertThat(parameters).containsExactlyInAnyOrder("Last-Event-ID", "cursor", "since", "entity", "lang", "type",
                "cluster", "firstOfCluster");
        for (String status : List.of("400", "429", "503")) {
            assertThat(stream.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asString())
                    .as("problem of %s", status).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(names(stream.at("/responses/429/headers"))).containsExactly("Retry-After");
    }

    @Test
    void describesTheArticleQueries() {
        JsonNode doc = apiDocs();

        assertThat(doc.at("/paths/~1v1~1articles~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/ArticleView");
        assertThat(doc.at("/paths/~1v1~1articles~1{id}/get/responses/404/content/application~1problem+json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(names(doc.at("/components/schemas/ArticleView/properties"))).contains("id", "uri", "version",
                "action", "headline", "entities", "related", "keywords", "withdrawn");
        for (String path : List.of("/v1/articles", "/v1/entities/{entity}/articles")) {
            JsonNode list = doc.path("paths").path(path).path("get");
            assertThat(list.at("/responses/200/content/application~1json/schema/$ref").asString()).as(path)
                    .isEqualTo("#/components/schemas/ArticlePage");
            assertThat(list.at("/responses/400/content/application~1problem+json/schema/$ref").asString()).as(path)
                    .isEqualTo("#/components/schemas/Problem");
        }
        client().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void describesTheClusterQuery() {
        JsonNode doc = apiDocs();

        JsonNode cluster = doc.at("/paths/~1v1~1clusters~1{id}/get");
        assertThat(cluster.at("/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/ClusterView");
        assertThat(cluster.at("/responses/404/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(names(doc.at("/components/schemas/ClusterView/properties")))
                .containsExactlyInAnyOrder("id", "leadId", "size", "members");
        assertThat(names(doc.at("/components/schemas/ArticleView/properties"))).contains("clusterId");
    }

    @Test
    void refusalsCarryTheirDocumentedProblemType() {
        client().get().uri("/v1/articles/{id}", "no-such-article").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.ARTICLE_NOT_FOUND.uri().toString());
        client().get().uri("/v1/clusters/{id}", "c-no-such-cluster").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.CLUSTER_NOT_FOUND.uri().toString());
        client().get().uri("/v1/articles?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.INVALID_PARAMETER.uri().toString())
                .jsonPath("$.parameter").isEqualTo("limit");
    }

    private JsonNode apiDocs() {
        byte[] doc = client().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return json.readTree(doc);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>(object.propertyNames());
        assertThat(names).as("members of %s", object).isNotEmpty();
        return names;
    }
}
