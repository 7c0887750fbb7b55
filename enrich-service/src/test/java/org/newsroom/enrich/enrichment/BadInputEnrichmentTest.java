package org.newsroom.enrich.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Enrichment;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.entities.StandardEntityPipeline;
import org.newsroom.enrich.language.OpenNlpLanguageDetector;

/**
 * Bodies a partner may well send: empty, only names, a megabyte, control characters. Each is
 * enriched by the real pipeline (CRF, alias table, language model) without error, and every
 * published mention is still the text at its offsets. The pipeline is built once for the class.
 */
class BadInputEnrichmentTest {

    private static ArticleEnricher enricher;

    @BeforeAll
    static void buildEnricher() {
        EnrichProperties properties = EnrichProperties.fromServiceConfiguration();
        enricher = new ArticleEnricher(StandardEntityPipeline.extractor(properties.ner(),
                AliasTable.load(properties.aliases().resource())), new OpenNlpLanguageDetector(),
                Clock.fixed(Instant.parse("2026-03-02T10:15:30Z"), ZoneOffset.UTC));
    }

    @Test
    void anEmptyBodyKeepsTheHeadlinesEntities() {
        // When
        Enrichment enrichment = enrich("Merkel visits Paris", "");

        // Then
        assertThat(enrichment.entities()).extracting(Entity::name).contains("Paris");
        assertThat(enrichment.entities()).flatExtracting(Entity::mentions).extracting(Mention::field)
                .containsOnly(TextField.HEADLINE);
    }

    @Test
    void aBodyOfOnlyNamesIsEnriched() {
        // Given
        String headline = "Angela Merkel";
        String body = "Angela Merkel\nEmmanuel Macron\nOlaf Scholz, Siemens, Berlin, Paris, London\nNATO";

        // When
        Enrichment enrichment = enrich(headline, body);

        // Then
        assertThat(enrichment.entities()).isNotEmpty().extracting(Entity::type).contains(EntityType.PERSON);
        assertMentionsAreTheirText(enrichment, headline, body);
    }

    @Test
    void aBodyOfOneMegabyteIsEnriched() {
        // Given: a paragraph repeated to one megabyte, plus one unbroken line of 64 KB without spaces
        String paragraph = "Angela Merkel met Emmanuel Macron in Paris on Tuesday, and Siemens said it would "
                + "hire 2,000 people in Berlin. He said the talks went well.\n";
        StringBuilder body = new StringBuilder(1 << 20);
        while (body.length() < (1 << 20) - (1 << 16)) {
            body.append(paragraph);
        }
        body.append("x".repeat(1 << 16));

        // When
        Enrichment enrichment = enrich("Merkel and Macron meet", body.toString());

        // Then
        assertThat(body.length()).isGreaterThanOrEqualTo(1 << 20);
        assertThat(enrichment.entities()).extracting(Entity::name).contains("Angela Merkel", "Paris", "Siemens");
        assertThat(enrichment.entities()).extracting(Entity::name).doesNotContain("He", "he");
        assertMentionsAreTheirText(enrichment, "Merkel and Macron meet", body.toString());
    }

    @Test
    void controlCharactersAreEnrichedAndMentionsStayTheTextAtTheirOffsets() {
        // Given: NUL, BEL, ESC, a vertical tab, a form feed, DEL and a lone surrogate among names
        String headline = "Storm\u0007 hits\u0000 Lisbon";
        String body = "Angela Merkel\u0000 met\u001B[31m Emmanuel Macron\u000B in Paris.\f\u007FSiemens \uD800agreed.\r\n"
                + "\u0001\u0002\u0003";

        // When
        Enrichment enrichment = enrich(headline, body);

        // Then
        assertThat(enrichment.entities()).extracting(Entity::name).contains("Lisbon", "Paris");
        assertMentionsAreTheirText(enrichment, headline, body);
    }

    /**
     * A story of names only or of control characters gives the language model too little to
     * tell English, so these stories are declared English, as partners do; detection is tested
     * with the language detector.
     */
    private static Enrichment enrich(String headline, String body) {
        return enricher.enrich(new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "evt-1", ArticleAction.PUBLISHED,
                "urn:partner:story:1", 1, headline, body, "Partner Wire", "partner-1", "en",
                Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T10:00:00Z"), List.of())).enrichment();
    }

    private static void assertMentionsAreTheirText(Enrichment enrichment, String headline, String body) {
        assertThat(enrichment.entities()).flatExtracting(Entity::mentions).allSatisfy(mention -> {
            String field = mention.field() == TextField.HEADLINE ? headline : body;
            assertThat(field.substring(mention.start(), mention.end())).isEqualTo(mention.text());
        });
    }
}
