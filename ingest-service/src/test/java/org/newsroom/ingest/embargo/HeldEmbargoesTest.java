package org.newsroom.ingest.embargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EmbargoedArticle;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.state.StateStore;

import org.springframework.util.unit.DataSize;

/** The holds as ingest's state keeps them: due in time order, per partition, counted per partner. */
class HeldEmbargoesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private static final TopicPartition P0 = new TopicPartition(Topics.EMBARGOED.name(), 0);

    private static final TopicPartition P1 = new TopicPartition(Topics.EMBARGOED.name(), 1);

    private final HeldEmbargoes holds = new HeldEmbargoes(StateStore.inMemory(),
            new EmbargoProperties(2, DataSize.ofKilobytes(8)));

    private long offset;

    @Test
    void dueHoldsComeEarliestFirstOnlyForTheGivenPartitionsWithTheirTraceHeaders() {
        EmbargoedArticle later = hold("urn:a", "wire", NOW.plusSeconds(60), "x");
        EmbargoedArticle sooner = hold("urn:b", "wire", NOW.plusSeconds(30), "y");
        EmbargoedArticle elsewhere = hold("urn:c", "agency", NOW.plusSeconds(10), "z");
        read(later, 0);
        read(sooner, 0);
        read(elsewhere, 1);

        assertThat(holds.dueAt(NOW.plusSeconds(45), Set.of(P0), 10)).extracting(HeldEmbargoes.StoredHold::held)
                .containsExactly(sooner);
        List<HeldEmbargoes.StoredHold> due = holds.dueAt(NOW.plusSeconds(60), Set.of(P0, P1), 10);
        assertThat(due).extracting(HeldEmbargoes.StoredHold::held).containsExactly(elsewhere, sooner, later);
        assertThat(due.get(0).headers()).containsEntry("traceparent", "trace-of-urn:c");
        assertThat(holds.dueAt(NOW.plusSeconds(60), Set.of(P0, P1), 1)).hasSize(1);

        // A hold released here is not due again while its tombstone is on its way, nor after it
        holds.released(sooner);
        assertThat(holds.dueAt(NOW.plusSeconds(60), Set.of(P0), 10)).extracting(HeldEmbargoes.StoredHold::held)
                .containsExactly(later);
        tombstone(sooner.key(), 0);
        assertThat(holds.dueAt(NOW.plusSeconds(60), Set.of(P0), 10)).extracting(HeldEmbargoes.StoredHold::held)
                .containsExactly(later);
    }

    @Test
    void aPartnerAtItsLimitOfHoldsIsRefusedUntilOneIsReleased() {
        EmbargoedArticle first = hold("urn:1", "wire", NOW.plusSeconds(60), "a");
        read(first, 0);
        read(hold("urn:2", "wire", NOW.plusSeconds(60), "b"), 0);
        EmbargoedArticle third = hold("urn:3", "wire", NOW.plusSeconds(60), "c");

        assertThat(holds.pendingOf("wire")[0]).isEqualTo(2);
        assertThatThrownBy(() -> holds.requireRoomFor(third)).isInstanceOf(HoldsExceededException.class)
                .hasMessageContaining("already holds 2 stories");
        holds.requireRoomFor(hold("urn:9", "agency", NOW.plusSeconds(60), "other partner"));

        tombstone(first.key(), 0);
        assertThat(holds.pendingOf("wire")[0]).isEqualTo(1);
        holds.requireRoomFor(third);
    }

    @Test
    void aPartnerIsRefusedAHoldThatWouldPassItsLimitOfBytes() {
        read(hold("urn:1", "wire", NOW.plusSeconds(60), "a".repeat(3000)), 0);
        EmbargoedArticle large = hold("urn:2", "wire", NOW.plusSeconds(60), "b".repeat(6000));

        assertThatThrownBy(() -> holds.requireRoomFor(large)).isInstanceOf(HoldsExceededException.class)
                .hasMessageContaining("would exceed its limit of 8192 bytes");
        holds.requireRoomFor(hold("urn:3", "wire", NOW.plusSeconds(60), "small"));
    }

    @Test
    void theSameHoldReadTwiceCountsOnce() {
        EmbargoedArticle held = hold("urn:1", "wire", NOW.plusSeconds(60), "a");
        read(held, 0);
        read(held, 0);

        assertThat(holds.pendingOf("wire")[0]).isEqualTo(1);
        assertThat(holds.dueAt(NOW.plusSeconds(60), Set.of(P0), 10)).hasSize(1);
    }

    private void read(EmbargoedArticle held, int partition) {
        ConsumerRecord<String, @Nullable EmbargoedArticle> record = new ConsumerRecord<>(Topics.EMBARGOED.name(),
                partition, offset++, held.key(), held);
        record.headers().add("traceparent", ("trace-of-" + held.article().uri()).getBytes(StandardCharsets.UTF_8));
        holds.apply(record);
    }

    private void tombstone(String key, int partition) {
        holds.apply(new ConsumerRecord<>(Topics.EMBARGOED.name(), partition, offset++, key, null));
    }

    private static EmbargoedArticle hold(String uri, String partner, Instant releaseAt, String body) {
        return new EmbargoedArticle(new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "id-" + uri, ArticleAction.PUBLISHED,
                uri, 1, "Headline", body, "Source", partner, "en", NOW, NOW, List.of()), releaseAt);
    }
}
