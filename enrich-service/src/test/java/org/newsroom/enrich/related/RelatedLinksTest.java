package org.newsroom.enrich.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.RelatedLink;

/** The partner's hints, the archive's related articles and the text's URLs against a real archive index. */
class RelatedLinksTest {

    private static final String READ_MORE = "partner read-more hint";

    private LuceneArchive archive;
    private RelatedLinks links;

    @BeforeEach
    void fillArchive() {
        archive = new LuceneArchive(article -> List.of(), 5, 0.1, 16);
        archive.accept(article("urn:test:floods", "2026-01-03", "Floods hit Porto after storm",
                "Rivers burst their banks in Porto after two days of heavy rain.", List.of()));
        archive.refresh();
        links = new RelatedLinks(archive);
    }

    @AfterEach
    void closeArchive() throws Exception {
        archive.close();
    }

    @Test
    void resolvesTheEventsHintsLikeReadMoreLinesAndKeepsTheUnresolvedOnesWithoutUri() {
        // Given: hints as ingest now sends them, the read-more lines taken out of the body
        ArticleEvent article = article("urn:test:current", "2026-01-10", "Storm moves north",
                "The storm reached Galicia overnight. Details at https://example.org/storm.",
                List.of("Floods hit Porto after storm", "Ferries cancelled in Vigo"));
        RelatedLink fromArchive = new RelatedLink("urn:test:other", "Storm warning for Spain", 0.4, "shared terms: storm");

        // When
        List<RelatedLink> related = links.of(article, List.of(fromArchive));

        // Then: hints first in the partner's order, then the archive's, then the text's URLs
        assertThat(related).containsExactly(
                new RelatedLink("urn:test:floods", "Floods hit Porto after storm", 1.0, READ_MORE),
                new RelatedLink("", "Ferries cancelled in Vigo", 1.0, READ_MORE),
                fromArchive,
                new RelatedLink("https://example.org/storm", "https://example.org/storm", 0.5, "link in text"));
    }

    @Test
    void aReadMoreLineStillInTheBodyThatIsAlsoAHintAppearsOnce() {
        // Given: an event with the hint and the line it came from, written differently, and one more line
        ArticleEvent article = article("urn:test:current", "2026-01-10", "Storm moves north",
                "The storm reached Galicia.\nRead more floods hit Porto after storm. →\nRead more Ferries cancelled in Vigo →",
                List.of("Floods hit Porto after storm", " "));

        // When
        List<RelatedLink> related = links.of(article, List.of());

        // Then
        assertThat(related).containsExactly(
                new RelatedLink("urn:test:floods", "Floods hit Porto after storm", 1.0, READ_MORE),
                new RelatedLink("", "Ferries cancelled in Vigo", 1.0, READ_MORE));
    }

    private static ArticleEvent article(String uri, String day, String headline, String body, List<String> hints) {
        Instant created = Instant.parse(day + "T08:00:00Z");
        return new ArticleEvent(1, "evt-" + uri, ArticleAction.PUBLISHED, uri, 1, headline, body, "Test Wire",
                "partner-1", "en", created, created, hints);
    }
}
