package org.newsroom.ingest.embargo;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much one partner may hold under embargo at once. Holds live on disk (see
 * {@link HeldEmbargoes}), so these bound the disk and the embargo topic, not the heap; a story past
 * either is refused with 429 {@code too-many-holds} until some of the partner's holds are released.
 *
 * @param maxHoldsPerPartner the most pending holds of one partner ({@code NEWSROOM_INGEST_EMBARGO_MAXHOLDSPERPARTNER})
 * @param maxHeldSizePerPartner the most bytes of pending holds of one partner, as held on the topic
 *        ({@code NEWSROOM_INGEST_EMBARGO_MAXHELDSIZEPERPARTNER})
 */
@ConfigurationProperties("newsroom.ingest.embargo")
@Validated
public record EmbargoProperties(
        @DefaultValue("10000") @Positive int maxHoldsPerPartner,
        @DefaultValue("1GB") DataSize maxHeldSizePerPartner) {
}
