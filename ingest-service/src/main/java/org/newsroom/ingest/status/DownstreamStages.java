package org.newsroom.ingest.status;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** Per uri, the newest version that enrich-service enriched and the newest that publish-service published. */
@Component
public class DownstreamStages {

    private final Map<String, StageReached> enriched = new ConcurrentHashMap<>();

    private final Map<String, StageReached> published = new ConcurrentHashMap<>();

    void enriched(String uri, StageReached stage) {
        enriched.merge(uri, stage, StageReached::newer);
    }

    void published(String uri, StageReached stage) {
        published.merge(uri, stage, StageReached::newer);
    }

    Optional<StageReached> enrichedOf(String uri) {
        return Optional.ofNullable(enriched.get(uri));
    }

    Optional<StageReached> publishedOf(String uri) {
        return Optional.ofNullable(published.get(uri));
    }
}
