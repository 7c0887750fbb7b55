package org.newsroom.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Each topic reads its own records back into their value type. */
class TopicDeserializerTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheValueTypeOfTheTopicFromPlainJson() {
        ArticleEvent article = new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "e-1", ArticleAction.PUBLISHED,
                "urn:test:1", 2, "Headline", "Body", "Agency", "partner", "en",
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:06Z"), List.of());
        Deserializer<ArticleEvent> deserializer = Topics.ARTICLES.valueDeserializer();

        ArticleEvent read = deserializer.deserialize(Topics.ARTICLES.name(), json.writeValueAsBytes(article));

        assertThat(read).isEqualTo(article);
    }

    @Test
    void readsATombstoneAsNull() {
        assertThat(Topics.ENRICHED.valueDeserializer().deserialize(Topics.ENRICHED.name(), null)).isNull();
    }

    @Test
    void failsOnARecordThatIsNotItsTypeNamingTheTopicAndType() {
        byte[] notJson = "{\"eventId\":".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Topics.ARTICLES.valueDeserializer().deserialize(Topics.ARTICLES.name(), notJson))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(Topics.ARTICLES.name())
                .hasMessageContaining("ArticleEvent");
    }
}
