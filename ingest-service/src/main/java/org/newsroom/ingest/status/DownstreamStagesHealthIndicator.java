package org.newsroom.ingest.status;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Part of readiness: until the downstream topics are read, a story's status could show an earlier stage. */
@Component
class DownstreamStagesHealthIndicator implements HealthIndicator {

    private final DownstreamStages stages;

    DownstreamStagesHealthIndicator(DownstreamStages stages) {
        this.stages = stages;
    }

    @Override
    public Health health() {
        return stages.isCaughtUp() ? Health.up().build()
                : Health.down().withDetail("reason", "still reading the enriched and published topics").build();
    }
}
