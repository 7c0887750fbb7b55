package org.newsroom.enrich.messaging;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.enrich.cluster.LiveClusters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adopts the clustering decision of every enriched record into the story clusters: this
 * instance's own (already held, so read back at no cost) and those of the other instances. Records
 * that cannot be read are skipped. It runs on the listener container's consumer thread only.
 */
final class ClusterFollower implements TopicFollowing.Follower {

    private static final Logger log = LoggerFactory.getLogger(ClusterFollower.class);

    private final LiveClusters clusters;
    private final Deserializer<EnrichedArticleEvent> enriched;
    private final CatchUp catchUp;
    private long readSinceStart;

    ClusterFollower(LiveClusters clusters, Deserializer<EnrichedArticleEvent> enriched, FollowerReadiness readiness) {
        this.clusters = clusters;
        this.enriched = enriched;
        this.catchUp = new CatchUp(readiness);
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records, @Nullable Consumer<?, ?> consumer) {
        for (ConsumerRecord<String, byte[]> record : records) {
            adopt(record);
        }
        readSinceStart += records.size();
        // The container always passes its consumer to a consumer-aware listener.
        onIdle(Objects.requireNonNull(consumer, "consumer"));
    }

    @Override
    public void onIdle(Consumer<?, ?> consumer) {
        if (catchUp.reachedEnd(consumer, readSinceStart)) {
            log.info("Story clusters caught up with the enriched topic: {} articles clustered, {} records read",
                    clusters.size(), readSinceStart);
            catchUp.caughtUp();
        }
    }

    private void adopt(ConsumerRecord<String, byte[]> record) {
        try {
            EnrichedArticleEvent event = record.value() == null ? null : enriched.deserialize(record.topic(), record.value());
            if (event != null) {
                clusters.adopt(event);
            }
        }
        catch (RuntimeException e) {
            log.warn("Story clusters skip unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}
