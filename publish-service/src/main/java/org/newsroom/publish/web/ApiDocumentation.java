package org.newsroom.publish.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The frame of publish's OpenAPI document ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}).
 * OpenAPI 3.1 cannot describe the events inside an SSE stream, so the stream's events are described
 * by the AsyncAPI document and the JSON Schemas the document points to.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    /** The RFC 7807 body of every refusal, referenced by the endpoints' 4xx and 5xx answers. */
    public static final String PROBLEM = "#/components/schemas/Problem";

    /** Where the stream's events are described one by one. */
    public static final String ASYNCAPI = "docs/asyncapi.yaml";

    @Bean
    OpenAPI publishOpenApi() {
        return new OpenAPI()
                .info(new Info().title("newsroom publish-service")
                        .version("v1")
                        .description("Enriched articles: the live stream (SSE or NDJSON) and the article queries. "
                                + "Every refusal is application/problem+json with a `type` from docs/ERRORS.md.")
                        .license(new License().name("GPL-3.0-or-later").identifier("GPL-3.0-or-later")))
                .externalDocs(new ExternalDocumentation().description("The stream's events: " + ASYNCAPI)
                        .url(ASYNCAPI))
                .components(new Components().addSchemas("Problem", problem()));
    }

    private static Schema<Object> problem() {
        return new Schema<>().types(Set.of("object"))
                .description("RFC 7807 problem details; `type` identifies the kind of refusal (docs/ERRORS.md).")
                .required(List.of("type", "title", "status"))
                .properties(Map.of(
                        "type", text("a URI from docs/ERRORS.md, stable across releases").format("uri"),
                        "title", text("the kind of refusal, in words"),
                        "status", new Schema<>().types(Set.of("integer")).description("the HTTP status"),
                        "detail", text("this occurrence, in words"),
                        "instance", text("the request path").format("uri-reference"),
                        "parameter", text("the query parameter or header at fault, for invalid parameters"),
                        "id", text("the article or story cluster id that was not found")));
    }

    private static Schema<Object> text(String description) {
        return new Schema<>().types(Set.of("string")).description(description);
    }
}
