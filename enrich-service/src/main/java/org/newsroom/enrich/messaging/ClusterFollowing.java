package org.newsroom.enrich.messaging;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.admin.TopicDescription;
import org.newsroom.contract.Topics;
import org.newsroom.enrich.cluster.ClusterSettings;
import org.newsroom.enrich.cluster.LiveClusters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Follows {@link Topics#ENRICHED} on all partitions (see {@link TopicFollowing}) into the story
 * clusters, from the first record written one window ago: the enriched topic records every
 * clustering decision of every instance, so that reading it back gives each instance the same
 * clusters, after a restart too, and reading one window of it is all a restart costs. The
 * clusters are only in memory; the window bounds them.
 */
final class ClusterFollowing extends TopicFollowing {

    private static final Logger log = LoggerFactory.getLogger(ClusterFollowing.class);

    private final LiveClusters clusters;
    private final FollowerReadiness readiness;
    private final ClusterSettings settings;
    private final Clock clock;

    ClusterFollowing(LiveClusters clusters, ConsumerFactory<String, byte[]> consumers, KafkaAdmin admin,
            FollowerReadiness readiness, ClusterSettings settings, Clock clock) {
        super(Topics.ENRICHED.name(), "enrich-clusters", consumers, admin);
        this.clusters = clusters;
        this.readiness = readiness;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    Start begin(TopicDescription description) {
        // Record times are enrichment times: an article enriched before the window began was first
        // created before it too, or it was corrected since, and then its correction is read.
        long from = clock.instant().minus(settings.window()).toEpochMilli();
        List<TopicPartitionOffset> assignment = description.partitions().stream()
                .map(partition -> new TopicPartitionOffset(description.name(), partition.partition(), from,
                        TopicPartitionOffset.SeekPosition.TIMESTAMP))
                .toList();
        log.info("Following {} partitions of {} into the story clusters from {}", assignment.size(),
                description.name(), clock.instant().minus(settings.window()));
        return new Start(assignment, new ClusterFollower(clusters, Topics.ENRICHED.valueDeserializer(), readiness));
    }
}
