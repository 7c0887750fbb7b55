package org.newsroom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** docs/asyncapi.yaml describes every topic of {@link Topics} as defined, and points at schemas that exist. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

    private final JsonNode asyncApi = new YAMLMapper().readTree(DOCUMENT.toFile());

    @Test
    void describesEveryTopicWithItsPartitionsAndRetention() {
        assertThat(asyncApi.path("asyncapi").asString()).startsWith("3.");
        for (Topic<String, ?> topic : Topics.ALL) {
            JsonNode channel = channelAt(topic.name());
            JsonNode kafka = channel.at("/bindings/kafka");
            assertThat(kafka.path("partitions").asInt()).as(topic.name()).isEqualTo(topic.partitions());
            assertThat(kafka.at("/topicConfiguration/cleanup.policy/0").asString()).as(topic.name())
                    .isEqualTo(topic.configs().get("cleanup.policy"));
            assertThat(kafka.at("/topicConfiguration/retention.ms").asString()).as(topic.name())
                    .isEqualTo(topic.configs().get("retention.ms"));
        }
    }

    @Test
    void namesEveryStreamEventAndOnlySchemasThatShipInTheContract() {
        assertThat(new ArrayList<>(channelAt("/v1/stream").path("messages").propertyNames()))
                .containsExactlyInAnyOrder("published", "updated", "corrected", "killed", "clustered", "reset", "end");
        List<String> schemas = new ArrayList<>();
        asyncApi.at("/components/messages").forEach(message -> schemas.add(message.at("/payload/schema/$ref").asString()));
        assertThat(schemas).allSatisfy(schema -> assertThat(DOCUMENT.resolveSibling(schema)).exists());
        assertThat(schemas).extracting(schema -> Path.of(schema).getFileName().toString())
                .containsAll(EventSchemas.ALL);
    }

    private JsonNode channelAt(String address) {
        for (JsonNode channel : asyncApi.path("channels")) {
            if (address.equals(channel.path("address").asString())) {
                return channel;
            }
        }
        throw new AssertionError("docs/asyncapi.yaml has no channel at " + address);
    }
}
