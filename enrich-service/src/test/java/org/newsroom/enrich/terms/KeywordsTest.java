package org.newsroom.enrich.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.entities.ArchiveEntityFinder;

/** Keywords of the sample partner story, with its entities from the shipped alias table. */
class KeywordsTest {

    private static ArticleEvent story;
    private static List<Entity> entities;

    @BeforeAll
    static void readSample() throws IOException {
        try (InputStream sample = KeywordsTest.class.getResourceAsStream("/samples/partner-story-deepmind-a24.txt")) {
            String text = new String(sample.readAllBytes(), StandardCharsets.UTF_8);
            int endOfHeadline = text.indexOf('\n');
            Instant created = Instant.parse("2026-01-10T08:00:00Z");
            story = new ArticleEvent(1, "evt-1", ArticleAction.PUBLISHED, "urn:test:sample", 1,
                    text.substring(0, endOfHeadline), text.substring(endOfHeadline + 1), "Test Wire", "partner-1",
                    "en", created, created, List.of());
        }
        entities = new ArchiveEntityFinder(AliasTable.load("entities/aliases-v2.tsv")).apply(story);
    }

    @Test
    void theStorysTopicWordsComeFirstAndItsFunctionWordsAndNamesNever() {
        // When: no archive, so every term is equally rare and frequency decides
        List<String> keywords = Keywords.of(ArticleTerms.of(story, entities), term -> 1.0);

        // Then: AI 7 times, partnership 6, then collaboration, film, research 4 each (ties by term)
        assertThat(keywords).hasSize(Keywords.MAX_KEYWORDS)
                .startsWith("ai", "partnership", "collaboration", "film", "research")
                .doesNotContain("google", "deepmind", "a24", "the", "and", "its", "between", "from", "how");
    }

    @Test
    void aTermCommonInTheArchiveGivesWayToARareOne() {
        // When: "partnership" occurs in nearly every archived article, "studio" in hardly any
        List<String> keywords = Keywords.of(ArticleTerms.of(story, entities),
                term -> term.equals("partnership") ? 0.05 : term.equals("studio") ? 3.0 : 1.0);

        // Then: studio 3 × 3.0 beats ai 7 × 1.0; partnership 6 × 0.05 drops out
        assertThat(keywords).startsWith("studio", "ai").doesNotContain("partnership");
    }

    @Test
    void leavesOutNumbersSingleCharactersAndReportingWords() {
        assertThat(Keywords.isTopical("2026")).isFalse();
        assertThat(Keywords.isTopical("s")).isFalse();
        assertThat(Keywords.isTopical("said")).isFalse();
        assertThat(Keywords.isTopical("would")).isFalse();
        assertThat(Keywords.isTopical("eu")).isTrue();
        assertThat(Keywords.isTopical("g7")).isTrue();
    }

    @Test
    void aStoryInAnotherLanguageLosesThatLanguagesFunctionWords() {
        List<String> keywords = List.of("die", "berlin", "der", "und", "bahn", "zwischen", "fahrplan");

        assertThat(Keywords.inLanguage(keywords, "de")).containsExactly("berlin", "bahn", "fahrplan");
        assertThat(Keywords.inLanguage(keywords, "de-AT")).containsExactly("berlin", "bahn", "fahrplan");
    }

    @Test
    void englishOrAnUnknownLanguageKeepsTheKeywords() {
        List<String> keywords = List.of("war", "die", "art");

        assertThat(Keywords.inLanguage(keywords, "en")).isEqualTo(keywords);
        assertThat(Keywords.inLanguage(keywords, null)).isEqualTo(keywords);
        assertThat(Keywords.inLanguage(keywords, "xx")).isEqualTo(keywords);
    }
}
