package org.newsroom.ingest.partner;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The partners who may push stories, under {@code newsroom.ingest.partners}. They live beside the
 * partner code rather than in the intake limits so that the partner package depends on nothing above it.
 *
 * @param partners who may push stories; with none configured every push is refused with 401, so
 *        that a forgotten configuration never opens the newsroom to anyone. From the environment:
 *        {@code NEWSROOM_INGEST_PARTNERS_0_ID}, {@code ..._0_APIKEY}, {@code ..._0_SECRET},
 *        {@code ..._0_ALLOWEDSOURCES} (comma-separated)
 * @param signatureTolerance how far a {@code webhook-timestamp} may be from this instance's clock,
 *        either way; a push outside it is refused with 401, and a {@code webhook-id} is remembered for
 *        as long, so that a push can never be replayed
 */
@ConfigurationProperties("newsroom.ingest")
@Validated
public record PartnerProperties(@DefaultValue List<@Valid Partner> partners,
        @DefaultValue("5m") Duration signatureTolerance) {

    public PartnerProperties {
        partners = List.copyOf(partners);
        requireUnique(partners.stream().map(Partner::id).toList(), "id");
        requireUnique(partners.stream().map(Partner::apiKey).toList(), "api-key");
    }

    /** A duplicate id would merge two partners' stories, a duplicate key would make one of them unusable. */
    private static void requireUnique(List<String> values, String property) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                throw new IllegalArgumentException("newsroom.ingest.partners[" + i + "]." + property
                        + " is already used by another partner");
            }
        }
    }
}
