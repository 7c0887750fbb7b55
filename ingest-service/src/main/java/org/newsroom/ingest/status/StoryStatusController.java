package org.newsroom.ingest.status;

import org.jspecify.annotations.Nullable;
import org.newsroom.ingest.ledger.ArticleLedger;
import org.newsroom.ingest.ledger.LedgerEntry;
import org.newsroom.ingest.partner.Partner;
import org.newsroom.ingest.partner.PartnerAuthenticator;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/stories/{uri}/status}: the partner's own view of where its story is. The uri is
 * one path segment, so a partner percent-encodes its slashes ({@code https%3A%2F%2F…}).
 */
@RestController
class StoryStatusController {

    private final PartnerAuthenticator authenticator;

    private final ArticleLedger ledger;

    private final DownstreamStages stages;

    StoryStatusController(PartnerAuthenticator authenticator, ArticleLedger ledger, DownstreamStages stages) {
        this.authenticator = authenticator;
        this.ledger = ledger;
        this.stages = stages;
    }

    @GetMapping("/v1/stories/{uri}/status")
    StoryStatus status(@PathVariable String uri,
            @RequestHeader(name = PartnerAuthenticator.API_KEY_HEADER, required = false) @Nullable String apiKey) {
        Partner partner = authenticator.identify(apiKey);
        LedgerEntry accepted = ledger.find(uri)
                .filter(entry -> entry.partnerId().equals(partner.id()))
                .orElseThrow(() -> new StoryNotFoundException(uri));
        return StoryStatus.of(uri, accepted, stages.enrichedOf(uri).orElse(null), stages.publishedOf(uri).orElse(null));
    }
}
