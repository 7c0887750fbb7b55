package org.newsroom.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.newsroom.ingest.partner.PartnerAuthenticator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The frame of ingest's OpenAPI document ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}):
 * what the controllers' annotations cannot say once for all endpoints, namely the partner
 * authentication and the shape of every refusal.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    /**
     * The partner's API key. Its signature header depends on the body, so it is documented as a
     * header parameter of each push rather than as a second scheme a client might think optional.
     */
    public static final String PARTNER_KEY = "partnerKey";

    /** The RFC 7807 body of every refusal, referenced by the endpoints' 4xx and 5xx answers. */
    public static final String PROBLEM = "#/components/schemas/Problem";

    @Bean
    OpenAPI ingestOpenApi() {
        return new OpenAPI()
                .info(new Info().title("newsroom ingest-service")
                        .version("v1")
                        .description("""
                                Partners push stories here, in one of several formats chosen by Content-Type. \
                                A 202 is answered only once Kafka has the story; a 503 with Retry-After means \
                                it was not written and must be sent again. Every refusal is \
                                application/problem+json with a `type` from docs/ERRORS.md.""")
                        .license(new License().name("GPL-3.0-or-later").identifier("GPL-3.0-or-later")))
                .externalDocs(new ExternalDocumentation().description("Signing a push: docs/PARTNERS.md")
                        .url("docs/PARTNERS.md"))
                .components(new Components()
                        .addSecuritySchemes(PARTNER_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(PartnerAuthenticator.API_KEY_HEADER)
                                .description("The partner's API key; a push is also signed in "
                                        + PartnerAuthenticator.SIGNATURE_HEADER + "."))
                        .addSchemas("Problem", problem()));
    }

    private static Schema<Object> problem() {
        Schema<Object> violation = new Schema<>().types(Set.of("object"))
                .required(List.of("field", "message"))
                .properties(Map.of("field", text("the field in the partner's format: JSON name, feed element or header"),
                        "message", text("what is wrong with it, phrased to follow the field name"),
                        "pointer", text("RFC 6901 JSON pointer into a ninjs item, where the name is ambiguous")));
        return new Schema<>().types(Set.of("object"))
                .description("RFC 7807 problem details; `type` identifies the kind of refusal (docs/ERRORS.md).")
                .required(List.of("type", "title", "status"))
                .properties(Map.of(
                        "type", text("a URI from docs/ERRORS.md, stable across releases").format("uri"),
                        "title", text("the kind of refusal, in words"),
                        "status", new Schema<>().types(Set.of("integer")).description("the HTTP status"),
                        "detail", text("this occurrence, naming the fields at fault"),
                        "instance", text("the request path").format("uri-reference"),
                        "errors", new Schema<>().types(Set.of("array")).items(violation)
                                .description("every field at fault, for invalid stories")));
    }

    private static Schema<Object> text(String description) {
        return new Schema<>().types(Set.of("string")).description(description);
    }
}
