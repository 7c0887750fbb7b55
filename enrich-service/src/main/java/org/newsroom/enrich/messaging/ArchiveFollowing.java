package org.newsroom.enrich.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.newsroom.contract.Topics;
import org.newsroom.enrich.related.ArchiveProperties;
import org.newsroom.enrich.related.LuceneArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Follows {@link Topics#ARTICLES} into the archive index on all partitions (see
 * {@link TopicFollowing}), from the offsets of the index's last commit (the beginning for a new
 * index); stopping commits what was indexed since.
 *
 * <p>An index whose offsets were read from another topic of the same name (another broker, or
 * the topic deleted and created again) is cleared and built anew, see {@link ArchiveOffsets}.
 */
final class ArchiveFollowing extends TopicFollowing {

    private static final Logger log = LoggerFactory.getLogger(ArchiveFollowing.class);

    private final LuceneArchive archive;
    private final FollowerReadiness readiness;
    private final ArchiveProperties properties;

    ArchiveFollowing(LuceneArchive archive, ConsumerFactory<String, byte[]> consumers, KafkaAdmin admin,
            FollowerReadiness readiness, ArchiveProperties properties) {
        super(Topics.ARTICLES.name(), "enrich-archive", consumers, admin);
        this.archive = archive;
        this.readiness = readiness;
        this.properties = properties;
    }

    @Override
    Start begin(TopicDescription description) {
        String topic = description.name();
        String topicId = description.topicId().toString();
        ArchiveOffsets committed = ArchiveOffsets.fromCommitData(topic, topicId, archive.committedData())
                .orElseGet(() -> startAnew(topicId));
        List<TopicPartitionOffset> assignment = description.partitions().stream()
                .map(partition -> from(new TopicPartition(topic, partition.partition()), committed.nextOffsets()))
                .toList();
        log.info("Following {} partitions of {} into the archive ({} articles, offsets {})", assignment.size(), topic,
                archive.size(), committed.nextOffsets().isEmpty() ? "none: building it from the beginning"
                        : committed.nextOffsets());
        return new Start(assignment, new ArchiveFollower(archive, Topics.ARTICLES.valueDeserializer(), readiness,
                committed, properties.commitInterval(), properties.commitRecords(), Clock.systemUTC()));
    }

    /** An index that covers nothing of this topic: new, or left by another topic of the same name. */
    private ArchiveOffsets startAnew(String topicId) {
        if (!archive.committedData().isEmpty()) {
            log.warn("The archive index covers another topic than {} (id {}); it is cleared and built again",
                    Topics.ARTICLES.name(), topicId);
            archive.clear();
        }
        return new ArchiveOffsets(topicId, Map.of());
    }

    private static TopicPartitionOffset from(TopicPartition partition, Map<TopicPartition, Long> committed) {
        Long next = committed.get(partition);
        return next == null
                ? new TopicPartitionOffset(partition, null, TopicPartitionOffset.SeekPosition.BEGINNING)
                : new TopicPartitionOffset(partition.topic(), partition.partition(), next);
    }
}
