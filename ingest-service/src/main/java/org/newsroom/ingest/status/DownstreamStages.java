package org.newsroom.ingest.status;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.newsroom.ingest.state.StateMap;
import org.newsroom.ingest.state.StateStore;
import org.springframework.stereotype.Component;

/**
 * Per uri, the newest version that enrich-service enriched and the newest that publish-service
 * published, kept in the {@link StateStore} (20 bytes per uri and stage) and fed by
 * {@link DownstreamListeners}. Each map has one writer, the listener of its topic.
 */
@Component
public class DownstreamStages {

    private final StateMap enriched;

    private final StateMap published;

    private final CompletableFuture<Void> enrichedCaughtUp = new CompletableFuture<>();

    private final CompletableFuture<Void> publishedCaughtUp = new CompletableFuture<>();

    DownstreamStages(StateStore store) {
        this.enriched = store.map("enriched");
        this.published = store.map("published");
    }

    void enriched(String uri, StageReached stage) {
        merge(enriched, uri, stage);
    }

    void published(String uri, StageReached stage) {
        merge(published, uri, stage);
    }

    Optional<StageReached> enrichedOf(String uri) {
        return find(enriched, uri);
    }

    Optional<StageReached> publishedOf(String uri) {
        return find(published, uri);
    }

    void enrichedCaughtUp() {
        enrichedCaughtUp.complete(null);
    }

    void publishedCaughtUp() {
        publishedCaughtUp.complete(null);
    }

    /** Both downstream topics have been read up to where they ended at startup. */
    boolean isCaughtUp() {
        return enrichedCaughtUp.isDone() && publishedCaughtUp.isDone();
    }

    private static void merge(StateMap stages, String uri, StageReached stage) {
        StageReached newer = find(stages, uri).map(current -> StageReached.newer(current, stage)).orElse(stage);
        stages.put(uri, ByteBuffer.allocate(20).putLong(newer.version()).putLong(newer.at().getEpochSecond())
                .putInt(newer.at().getNano()).array());
    }

    private static Optional<StageReached> find(StateMap stages, String uri) {
        byte[] stored = stages.get(uri);
        if (stored == null) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(stored);
        return Optional.of(new StageReached(bytes.getLong(), Instant.ofEpochSecond(bytes.getLong(), bytes.getInt())));
    }
}
