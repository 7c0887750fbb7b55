package org.newsroom.enrich.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Enrichment;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityLink;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.RelatedLink;
import org.newsroom.contract.TextField;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.entities.EntityExtractor;
import org.newsroom.enrich.entities.EntityRecognizer;
import org.newsroom.enrich.entities.RecognizedMention;

class ArticleEnricherTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    private final RecordingRecognizer recognizer = new RecordingRecognizer();
    private final List<String> detected = new ArrayList<>();
    private final ArticleEnricher enricher = new ArticleEnricher(
            new EntityExtractor(recognizer, AliasTable.parse("aliases-test", List.of(
                    "Lisbon\tQ597\tLisbon\tLOCATION\thttps://en.wikipedia.org/wiki/Lisbon\tno"))),
            text -> {
                detected.add(text);
                return Optional.of("pt");
            },
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void enrichesWithRankedEntitiesVersionDeclaredLanguageAndClockTime() {
        // Given
        ArticleEvent article = article(ArticleAction.PUBLISHED, "Storm hits Lisbon", "Lisbon braces for the storm.");

        // When
        EnrichedArticleEvent enriched = enricher.enrich(article);

        // Then
        assertThat(recognizer.calls).containsExactly(List.of("Storm hits Lisbon", "Lisbon braces for the storm."));
        assertThat(enriched.schemaVersion()).isEqualTo(EnrichedArticleEvent.SCHEMA_VERSION);
        assertThat(enriched.article()).isSameAs(article);
        assertThat(enriched.enrichment()).isEqualTo(new Enrichment("fake-1/test", "en", List.of(
                new Entity("Lisbon", EntityType.LOCATION, List.of(
                        new Mention(TextField.HEADLINE, 11, 17, "Lisbon"),
                        new Mention(TextField.BODY, 0, 6, "Lisbon")), 1.0, 1.0,
                        new EntityLink("Q597", "https://en.wikipedia.org/wiki/Lisbon"))),
                List.of(), List.of("storm", "braces", "hits"), NOW));
        assertThat(detected).isEmpty();
    }

    @Test
    void detectsTheLanguageOnlyWhenThePartnerDeclaredNone() {
        // Given
        ArticleEvent undeclared = article(ArticleAction.PUBLISHED, "Storm hits Lisbon", "Lisbon braces.", null);

        // When
        EnrichedArticleEvent enriched = enricher.enrich(undeclared);

        // Then
        assertThat(detected).containsExactly("Storm hits Lisbon\nLisbon braces.");
        assertThat(enriched.enrichment().language()).isEqualTo("pt");
    }

    @Test
    void addsReadMoreHintsAndUrlsOfTheBodyAsRelatedLinks() {
        // Given
        ArticleEvent article = article(ArticleAction.PUBLISHED, "Storm hits Lisbon",
                "Lisbon braces.\nRead more Floods in Porto →\nDetails at https://example.org/storm.", "en");

        // When
        Enrichment enrichment = enricher.enrich(article).enrichment();

        // Then: the hint no archived article matches has no uri, so it is a hint, not a link
        assertThat(enrichment.related()).containsExactly(
                new RelatedLink("https://example.org/storm", "https://example.org/storm", 0.5, "link in text"));
        assertThat(enrichment.unresolvedHints()).containsExactly("Floods in Porto");
    }

    @Test
    void addsThePartnersHintsFromTheEventBeforeTheLinksOfTheBody() {
        // Given
        ArticleEvent article = withHints(article(ArticleAction.PUBLISHED, "Storm hits Lisbon",
                "Lisbon braces.\nRead more Floods in Porto →\nDetails at https://example.org/storm.", "en"),
                List.of("Ferries cancelled in Vigo", "Floods in Porto"));

        // When
        Enrichment enrichment = enricher.enrich(article).enrichment();

        // Then: the body's read-more line is the second hint again, so it is not repeated
        assertThat(enrichment.related()).containsExactly(
                new RelatedLink("https://example.org/storm", "https://example.org/storm", 0.5, "link in text"));
        assertThat(enrichment.unresolvedHints()).containsExactly("Ferries cancelled in Vigo", "Floods in Porto");
        assertThat(enrichment.related()).allSatisfy(link -> assertThat(link.uri()).isNotEmpty());
    }

    @Test
    void aStoryNotInEnglishGetsNoEntitiesAndTheReason() {
        // Given: one declared German, one the detector finds Portuguese
        ArticleEvent declared = article(ArticleAction.PUBLISHED, "Sturm trifft Lissabon", "Lisbon bereitet sich vor.", "de");
        ArticleEvent detectedPortuguese = article(ArticleAction.PUBLISHED, "Tempestade em Lisbon", "Lisbon prepara-se.",
                null);

        // When
        Enrichment german = enricher.enrich(declared).enrichment();
        Enrichment portuguese = enricher.enrich(detectedPortuguese).enrichment();

        // Then
        assertThat(recognizer.calls).isEmpty();
        assertThat(german.entities()).isEmpty();
        assertThat(german.entitiesOmitted()).isEqualTo("language not English: de");
        assertThat(portuguese.entities()).isEmpty();
        assertThat(portuguese.entitiesOmitted()).isEqualTo("language not English: pt");
    }

    @Test
    void anEnglishStoryHasNoReasonForItsEntities() {
        // When
        Enrichment english = enricher.enrich(article(ArticleAction.PUBLISHED, "Storm hits Lisbon", "Lisbon braces."))
                .enrichment();

        // Then
        assertThat(english.entities()).isNotEmpty();
        assertThat(english.entitiesOmitted()).isNull();
    }

    @Test
    void derivesTheEventIdFromArticleEventAndEnrichmentVersion() {
        // Given
        ArticleEvent article = article(ArticleAction.PUBLISHED, "Storm hits Lisbon", "Lisbon braces for the storm.");

        // When
        String first = enricher.enrich(article).eventId();
        String redelivered = enricher.enrich(article).eventId();

        // Then: the name-based UUID of both, the same as earlier releases made, so that ids survive an upgrade
        assertThat(first).isEqualTo(redelivered)
                .isEqualTo(UUID.nameUUIDFromBytes("evt-1\nfake-1/test".getBytes(StandardCharsets.UTF_8)).toString())
                .isEqualTo(ArticleEnricher.enrichedEventId("evt-1", "fake-1/test"))
                .isNotEqualTo(ArticleEnricher.enrichedEventId("evt-1", "fake-2/test"))
                .isNotEqualTo(ArticleEnricher.enrichedEventId("evt-2", "fake-1/test"));
    }

    @Test
    void doesNotRecognizeEntitiesOfAKilledStory() {
        // Given
        ArticleEvent killed = withHints(article(ArticleAction.KILLED, "Storm hits Lisbon", ""),
                List.of("Floods in Porto"));

        // When
        EnrichedArticleEvent enriched = enricher.enrich(killed);

        // Then
        assertThat(recognizer.calls).isEmpty();
        assertThat(enriched.enrichment().entities()).isEmpty();
        assertThat(enriched.enrichment().enrichmentVersion()).isEqualTo("fake-1/test");
        assertThat(enriched.enrichment().related()).isEmpty();
        assertThat(enriched.enrichment().keywords()).isEmpty();
    }

    private static ArticleEvent withHints(ArticleEvent article, List<String> hints) {
        return new ArticleEvent(article.schemaVersion(), article.eventId(), article.action(), article.uri(),
                article.version(), article.headline(), article.body(), article.source(), article.partnerId(),
                article.language(), article.firstCreated(), article.receivedAt(), hints);
    }

    private static ArticleEvent article(ArticleAction action, String headline, String body) {
        return article(action, headline, body, "en");
    }

    private static ArticleEvent article(ArticleAction action, String headline, String body,
            @Nullable String language) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "evt-1", action, "urn:partner:story:1", 1, headline,
                body, "Partner Wire", "partner-1", language, Instant.parse("2026-03-02T09:00:00Z"),
                Instant.parse("2026-03-02T10:00:00Z"), List.of());
    }

    /** Tags every occurrence of "Lisbon" and records what it was asked. */
    private static final class RecordingRecognizer implements EntityRecognizer {

        private final List<List<String>> calls = new ArrayList<>();

        @Override
        public List<RecognizedMention> recognize(String headline, String body) {
            calls.add(List.of(headline, body));
            List<RecognizedMention> mentions = new ArrayList<>();
            addLisbon(TextField.HEADLINE, headline, mentions);
            addLisbon(TextField.BODY, body, mentions);
            return mentions;
        }

        private static void addLisbon(TextField field, String text, List<RecognizedMention> mentions) {
            for (int at = text.indexOf("Lisbon"); at >= 0; at = text.indexOf("Lisbon", at + 1)) {
                mentions.add(new RecognizedMention(new Mention(field, at, at + 6, "Lisbon"), EntityType.LOCATION));
            }
        }

        @Override
        public String version() {
            return "fake-1/test";
        }
    }
}
