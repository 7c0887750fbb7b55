package org.newsroom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event schemas match the contract records: the same member names (so a renamed field fails
 * here before it reaches a topic), and the JSON the records serialize to, as the services'
 * Kafka serializers write it, is valid under them.
 */
class EventSchemasTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    private final JsonMapper json = JsonMapper.builder().build();

    private static ArticleEvent article(ArticleAction action, String body) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "e-1", action, "urn:test:1", 2, "Headline", body, "Agency",
                "partner", null, T, T.plusSeconds(1), List.of("Earlier story"));
    }

    private static EnrichedArticleEvent enriched() {
        Entity linked = new Entity("Google DeepMind", EntityType.ORGANIZATION,
                List.of(new Mention(TextField.HEADLINE, 0, 15, "Google DeepMind")), 0.9, 0.97,
                new EntityLink("Q15733006", "https://en.wikipedia.org/wiki/Google_DeepMind"));
        Entity unlinked = new Entity("Ada", EntityType.PERSON, List.of(new Mention(TextField.BODY, 4, 7, "Ada")), 0.2,
                null, null);
        return new EnrichedArticleEvent(EnrichedArticleEvent.SCHEMA_VERSION, "e-2", article(ArticleAction.PUBLISHED,
                "Body"), new Enrichment("engine/model", "en", List.of(linked, unlinked),
                        List.of(new RelatedLink("urn:test:0", "Earlier story", 0.5, "hint")), List.of("film"),
                        T.plusSeconds(2)));
    }

    @Test
    void everyTopicRecordAsSerializedIsValid() {
        EventSchemas.assertValid(EventSchemas.ARTICLE_EVENT, json.writeValueAsString(article(ArticleAction.KILLED, "")));
        EventSchemas.assertValid(EventSchemas.ENRICHED_ARTICLE_EVENT, json.writeValueAsString(enriched()));
        EventSchemas.assertValid(EventSchemas.PUBLISHED_ARTICLE_EVENT, json.writeValueAsString(new PublishedArticleEvent(
                PublishedArticleEvent.SCHEMA_VERSION, "urn:test:1", 2, ArticleAction.UPDATED,
                ArticleIds.fromUri("urn:test:1"), T, T.plusSeconds(2), T.plusSeconds(3))));
        EventSchemas.assertValid(EventSchemas.EMBARGOED_ARTICLE, json.writeValueAsString(
                new EmbargoedArticle(article(ArticleAction.PUBLISHED, "Body"), T.plusSeconds(3600))));
    }

    @Test
    void anEventWrittenBeforeTheOptionalFieldsIsStillValid() {
        JsonNode event = json.valueToTree(enriched());
        ((tools.jackson.databind.node.ObjectNode) event.path("article")).remove("relatedHints");
        ((tools.jackson.databind.node.ObjectNode) event.path("enrichment")).remove("keywords");
        ((tools.jackson.databind.node.ObjectNode) event.at("/enrichment/entities/0")).remove("confidence");

        EventSchemas.assertValid(EventSchemas.ENRICHED_ARTICLE_EVENT, event.toString());
    }

    @Test
    void aRenamedOrMissingFieldOrAMalformedTimeIsRefused() {
        String valid = json.writeValueAsString(article(ArticleAction.PUBLISHED, "Body"));

        assertThat(EventSchemas.violations(EventSchemas.ARTICLE_EVENT, valid.replace("\"headline\"", "\"title\"")))
                .anySatisfy(error -> assertThat(error).contains("title"))
                .anySatisfy(error -> assertThat(error).contains("headline"));
        assertThat(EventSchemas.violations(EventSchemas.ARTICLE_EVENT, valid.replace("\"2026-01-02T03:04:05Z\"",
                "\"2 January 2026\""))).anySatisfy(error -> assertThat(error).contains("firstCreated"));
        assertThat(EventSchemas.violations(EventSchemas.ENRICHED_ARTICLE_EVENT,
                json.writeValueAsString(enriched()).replace("\"ORGANIZATION\"", "\"COMPANY\""))).isNotEmpty();
    }

    @Test
    void theSchemasNameExactlyTheRecordsMembers() throws Exception {
        Map<String, Class<? extends Record>> records = Map.of(EventSchemas.ARTICLE_EVENT, ArticleEvent.class,
                EventSchemas.ENRICHED_ARTICLE_EVENT, EnrichedArticleEvent.class,
                EventSchemas.PUBLISHED_ARTICLE_EVENT, PublishedArticleEvent.class,
                EventSchemas.EMBARGOED_ARTICLE, EmbargoedArticle.class);
        for (Map.Entry<String, Class<? extends Record>> record : records.entrySet()) {
            assertThat(properties(record.getKey(), "/properties")).as(record.getKey())
                    .containsExactlyInAnyOrderElementsOf(components(record.getValue()));
        }
        Map<String, Class<? extends Record>> nested = Map.of("/$defs/enrichment/properties", Enrichment.class,
                "/$defs/entity/properties", Entity.class, "/$defs/mention/properties", Mention.class,
                "/$defs/entityLink/properties", EntityLink.class, "/$defs/relatedLink/properties", RelatedLink.class);
        for (Map.Entry<String, Class<? extends Record>> record : nested.entrySet()) {
            assertThat(properties(EventSchemas.ENRICHED_ARTICLE_EVENT, record.getKey())).as(record.getKey())
                    .containsExactlyInAnyOrderElementsOf(components(record.getValue()));
        }
    }

    private List<String> properties(String schema, String pointer) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + schema)) {
            assertThat(in).as(schema).isNotNull();
            return new ArrayList<>(json.readTree(in).at(pointer).propertyNames());
        }
    }

    private static List<String> components(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
