package org.newsroom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class EventJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void enrichedEventSurvivesAJsonRoundTripWithIsoTimestamps() {
        ArticleEvent article = new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "e-1", ArticleAction.PUBLISHED,
                "urn:test:1", 1, "Headline", "Body", "Agency", "partner", null,
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:06Z"),
                List.of("ServiceNow and IBM Deepen Partnership"));
        Entity entity = new Entity("Google DeepMind", EntityType.ORGANIZATION,
                List.of(new Mention(TextField.HEADLINE, 0, 15, "Google DeepMind")), 0.9, 0.97,
                new EntityLink("Q15733006", "https://en.wikipedia.org/wiki/Google_DeepMind"));
        EnrichedArticleEvent event = new EnrichedArticleEvent(EnrichedArticleEvent.SCHEMA_VERSION, "e-2", article,
                new Enrichment("engine/model", "en", List.of(entity), List.of(), List.of("film", "studio"),
                        Instant.parse("2026-01-02T03:04:07Z")));

        String text = json.writeValueAsString(event);

        assertThat(text).contains("\"firstCreated\":\"2026-01-02T03:04:05Z\"").contains("\"type\":\"ORGANIZATION\"");
        assertThat(json.readValue(text, EnrichedArticleEvent.class)).isEqualTo(event);
    }

    @Test
    void theReasonForNoEntitiesAndTheUnresolvedHintsSurviveAJsonRoundTrip() {
        ArticleEvent article = new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "e-1", ArticleAction.PUBLISHED,
                "urn:test:1", 1, "Überschrift", "Text", "Agency", "partner", null,
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:06Z"), List.of("Mehr dazu"));
        EnrichedArticleEvent event = new EnrichedArticleEvent(EnrichedArticleEvent.SCHEMA_VERSION, "e-2", article,
                new Enrichment("engine/model", "de", List.of(), List.of(), List.of(),
                        Instant.parse("2026-01-02T03:04:07Z"), "language not English: de", List.of("Mehr dazu"), null));

        String text = json.writeValueAsString(event);

        assertThat(text).contains("\"entitiesOmitted\":\"language not English: de\"")
                .contains("\"unresolvedHints\":[\"Mehr dazu\"]");
        assertThat(json.readValue(text, EnrichedArticleEvent.class)).isEqualTo(event);
    }

    @Test
    void anEventWrittenBeforeTheOptionalFieldsReadsWithoutThem() {
        String written = """
                {"schemaVersion":1,"eventId":"e-2","article":{"schemaVersion":1,"eventId":"e-1","action":"PUBLISHED",
                 "uri":"urn:test:1","version":1,"headline":"H","body":"B","source":"S","partnerId":"p","language":null,
                 "firstCreated":"2026-01-02T03:04:05Z","receivedAt":"2026-01-02T03:04:06Z"},
                 "enrichment":{"enrichmentVersion":"m","language":"en","related":[],"enrichedAt":"2026-01-02T03:04:07Z",
                 "entities":[{"name":"A24","type":"ORGANIZATION","mentions":[],"salience":1.0,"link":null}]}}
                """;

        EnrichedArticleEvent event = json.readValue(written, EnrichedArticleEvent.class);

        assertThat(event.article().relatedHints()).isEmpty();
        assertThat(event.enrichment().keywords()).isEmpty();
        assertThat(event.enrichment().entitiesOmitted()).isNull();
        assertThat(event.enrichment().unresolvedHints()).isEmpty();
        assertThat(event.enrichment().cluster()).isNull();
        assertThat(event.enrichment().entities()).singleElement()
                .satisfies(entity -> assertThat(entity.confidence()).isNull());
    }

    @Test
    void anEnrichmentWithAStoryClusterSurvivesARoundTrip() {
        Enrichment enrichment = new Enrichment("engine/model", "en", List.of(), List.of(), List.of(),
                Instant.parse("2026-01-02T03:04:07Z"), null, List.of(),
                new StoryCluster("c-lead", "lead", 2, 0.91, "same event: 0.91; shared: Google DeepMind, A24"));

        String text = json.writeValueAsString(enrichment);

        assertThat(text).contains("\"cluster\":{\"id\":\"c-lead\"");
        assertThat(json.readValue(text, Enrichment.class)).isEqualTo(enrichment);
    }

    @Test
    void topicsAreKeyedByUriAndCompacted() {
        assertThat(Topics.ALL).allSatisfy(topic -> {
            assertThat(topic.keyType()).isEqualTo(String.class);
            assertThat(topic.toNewTopic().configs()).containsEntry("cleanup.policy", "compact");
        });
        assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates();
    }

    @Test
    void aTopicReadsItsValuesAsItsValueTypeIgnoringUnknownFieldsAndTombstones() {
        String receipt = """
                {"schemaVersion":1,"uri":"urn:test:1","version":2,"action":"UPDATED","articleId":"a-1",
                 "receivedAt":"2026-01-02T03:04:05Z","enrichedAt":"2026-01-02T03:04:06Z",
                 "publishedAt":"2026-01-02T03:04:07Z","addedLater":{"any":"thing"}}""";

        PublishedArticleEvent read = Topics.PUBLISHED.valueDeserializer()
                .deserialize(Topics.PUBLISHED.name(), receipt.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(new PublishedArticleEvent(1, "urn:test:1", 2, ArticleAction.UPDATED, "a-1",
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:06Z"),
                Instant.parse("2026-01-02T03:04:07Z")));
        assertThat(Topics.PUBLISHED.valueDeserializer().deserialize(Topics.PUBLISHED.name(), null)).isNull();
    }
}
