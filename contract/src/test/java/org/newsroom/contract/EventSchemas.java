package org.newsroom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schemas of the events (under {@code schemas/} in the contract jar), for tests that check
 * what a service really wrote. Schemas refer to each other by their {@code $id}s, which are resolved
 * from the classpath: nothing is fetched.
 */
public final class EventSchemas {

    public static final String BASE = "https://newsroom.example/schemas/";

    public static final String ARTICLE_EVENT = "article-event.schema.json";

    public static final String ENRICHED_ARTICLE_EVENT = "enriched-article-event.schema.json";

    public static final String PUBLISHED_ARTICLE_EVENT = "published-article-event.schema.json";

    public static final String EMBARGOED_ARTICLE = "embargoed-article.schema.json";

    public static final String STREAM_ARTICLE = "stream-article.schema.json";

    public static final String STREAM_KILLED = "stream-killed.schema.json";

    public static final String STREAM_CLUSTERED = "stream-clustered.schema.json";

    public static final String STREAM_RESET = "stream-reset.schema.json";

    public static final String STREAM_END = "stream-end.schema.json";

    public static final List<String> ALL = List.of(ARTICLE_EVENT, ENRICHED_ARTICLE_EVENT, PUBLISHED_ARTICLE_EVENT,
            EMBARGOED_ARTICLE, STREAM_ARTICLE, STREAM_KILLED, STREAM_CLUSTERED, STREAM_RESET, STREAM_END);

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry
                    .schemaIdResolvers(ids -> ids.mapPrefix(BASE, "classpath:schemas/"))
                    // A timestamp that is not ISO-8601 is a broken contract, not an annotation.
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private EventSchemas() {
    }

    public static Schema schema(String name) {
        return REGISTRY.getSchema(SchemaLocation.of(BASE + name));
    }

    /** What is wrong with the JSON text under the named schema; empty when it is valid. */
    public static List<String> violations(String name, String json) {
        return schema(name).validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    public static void assertValid(String name, String json) {
        assertThat(violations(name, json)).as("%s against %s", json, name).isEmpty();
    }
}
