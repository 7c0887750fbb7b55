package org.newsroom.enrich.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;

class ArticleTermsTest {

    @Test
    void countsEveryTermAndApartTheOccurrencesOutsideEntityNamesInHeadlineAndBody() {
        // Given: "Bank of England" named in the headline and the body; one more "bank" outside it
        ArticleEvent article = article("Bank of England raises rates",
                "The Bank of England raised rates again. A bank in Leeds followed.");
        Entity boe = new Entity("Bank of England", EntityType.ORGANIZATION, List.of(
                new Mention(TextField.HEADLINE, 0, 15, "Bank of England"),
                new Mention(TextField.BODY, 4, 19, "Bank of England")), 1.0, 0.99, null);

        // When
        ArticleTerms terms = ArticleTerms.of(article, List.of(boe));

        // Then: "of", "the", "a", "in" are stop words of the index
        assertThat(terms.frequencies()).containsOnly(entry("bank", 3), entry("england", 2), entry("raises", 1),
                entry("rates", 2), entry("raised", 1), entry("again", 1), entry("leeds", 1), entry("followed", 1));
        assertThat(terms.outsideNames()).containsOnly(entry("bank", 1), entry("raises", 1), entry("rates", 2),
                entry("raised", 1), entry("again", 1), entry("leeds", 1), entry("followed", 1));
    }

    private static ArticleEvent article(String headline, String body) {
        Instant created = Instant.parse("2026-01-10T08:00:00Z");
        return new ArticleEvent(1, "evt-1", ArticleAction.PUBLISHED, "urn:test:1", 1, headline, body, "Test Wire",
                "partner-1", "en", created, created, List.of());
    }
}
