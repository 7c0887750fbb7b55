package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PipelineProbeTest {

    @Test
    void eachHopIsTimedFromThePushToTheServicesRecordTimestampOnce() {
        // Given a story pushed and accepted, with two subscribers
        PipelineProbe probe = new PipelineProbe(2);
        long before = System.currentTimeMillis();
        probe.pushing("urn:s:1");
        long after = System.currentTimeMillis();
        probe.answered("urn:s:1", 202);

        // When enrich wrote it 300 ms and publish stored it 700 ms after the push (twice: a redelivery)
        probe.enriched("urn:s:1", after + 300);
        probe.stored("urn:s:1", after + 700);
        probe.stored("urn:s:1", after + 5000);
        probe.delivered("urn:s:1");
        probe.delivered("urn:s:1");
        PipelineResult result = probe.result("phase", 1, Map.of());

        // Then each hop counts once, measured against the record's own timestamp
        assertThat(result.enriched()).isEqualTo(1);
        assertThat(result.stored()).isEqualTo(1);
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(result.enrich().p50()).isBetween(300_000L, (after - before + 301) * 1000);
        assertThat(result.store().max()).isBetween(700_000L, (after - before + 701) * 1000);
    }

    @Test
    void storiesOfAnotherPhaseAreNotCounted() {
        PipelineProbe probe = new PipelineProbe(1);

        probe.enriched("urn:elsewhere", System.currentTimeMillis());
        probe.stored("urn:elsewhere", System.currentTimeMillis());

        PipelineResult result = probe.result("phase", 1, Map.of());
        assertThat(result.enriched()).isZero();
        assertThat(result.stored()).isZero();
    }
}
