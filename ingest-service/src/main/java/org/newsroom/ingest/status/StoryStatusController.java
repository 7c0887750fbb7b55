package org.newsroom.ingest.status;

import org.jspecify.annotations.Nullable;
import org.newsroom.ingest.ApiDocumentation;
import org.newsroom.ingest.ledger.ArticleLedger;
import org.newsroom.ingest.ledger.LedgerEntry;
import org.newsroom.ingest.partner.Partner;
import org.newsroom.ingest.partner.PartnerAuthenticator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
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
    @Tag(name = "stories")
    @SecurityRequirement(name = ApiDocumentation.PARTNER_KEY)
    @Operation(operationId = "storyStatus", summary = "How far a story has come: accepted, enriched, published")
    @ApiResponse(responseCode = "200", description = "The latest accepted version and the stages it reached",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = StoryStatus.class)))
    @ApiResponse(responseCode = "401", description = "No or an unknown API key",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No story with this uri was accepted from this partner",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    StoryStatus status(@Parameter(description = "the story's uri, percent-encoded as one path segment")
            @PathVariable String uri,
            @Parameter(hidden = true) @RequestHeader(name = PartnerAuthenticator.API_KEY_HEADER, required = false) @Nullable String apiKey) {
        Partner partner = authenticator.identify(apiKey);
        LedgerEntry accepted = ledger.find(uri)
                .filter(entry -> entry.partnerId().equals(partner.id()))
                .orElseThrow(() -> new StoryNotFoundException(uri));
        return StoryStatus.of(uri, accepted, stages.enrichedOf(uri).orElse(null), stages.publishedOf(uri).orElse(null));
    }
}
