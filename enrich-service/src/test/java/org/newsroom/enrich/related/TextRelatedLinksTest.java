package org.newsroom.enrich.related;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.RelatedLink;

class TextRelatedLinksTest {

    @Test
    void turnsReadMoreTeasersAndDistinctUrlsIntoRelatedLinks() {
        // Given
        String body = """
                Acme grows (see https://example.org/acme?x=1).
                Read more ServiceNow and IBM Deepen Partnership in New Collaboration Deal →
                Sources: http://example.com/a, https://example.org/acme?x=1.
                """;

        // When / Then
        assertThat(TextRelatedLinks.in(body)).containsExactly(
                new RelatedLink("", "ServiceNow and IBM Deepen Partnership in New Collaboration Deal", 1.0,
                        "partner read-more hint"),
                new RelatedLink("https://example.org/acme?x=1", "https://example.org/acme?x=1", 0.5, "link in text"),
                new RelatedLink("http://example.com/a", "http://example.com/a", 0.5, "link in text"));
    }

    @Test
    void aPlainBodyHasNoRelatedLinks() {
        assertThat(TextRelatedLinks.in("Read more about it tomorrow. Continue reading at Yahoo Finance.")).isEmpty();
    }
}
