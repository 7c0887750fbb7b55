package org.newsroom.enrich.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.enrich.related.LuceneArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the records of the article topic into the archive, a poll's batch at a time, and
 * commits the index together with the offsets it covers every so many records or seconds (and
 * when it stops), not per article: a commit syncs files to disk. The offsets are the index's own,
 * not a consumer group's, so each instance keeps the whole archive whatever partitions it enriches.
 *
 * <p>Records that cannot be read are skipped: the enrichment's own consumer sends them to the
 * dead-letter topic. It runs on the listener container's consumer thread only.
 */
final class ArchiveFollower implements TopicFollowing.Follower {

    private static final Logger log = LoggerFactory.getLogger(ArchiveFollower.class);

    private final LuceneArchive archive;
    private final Deserializer<ArticleEvent> articles;
    private final CatchUp catchUp;
    private final Duration commitInterval;
    private final int commitRecords;
    private final Clock clock;
    private final String topicId;
    private final Map<TopicPartition, Long> nextOffsets;
    private Instant lastCommit;
    private int uncommitted;
    private long indexedSinceStart;

    /**
     * @param committed what the index already covers
     */
    ArchiveFollower(LuceneArchive archive, Deserializer<ArticleEvent> articles, FollowerReadiness readiness,
            ArchiveOffsets committed, Duration commitInterval, int commitRecords, Clock clock) {
        this.archive = archive;
        this.articles = articles;
        this.catchUp = new CatchUp(readiness);
        this.topicId = committed.topicId();
        this.nextOffsets = new HashMap<>(committed.nextOffsets());
        this.commitInterval = commitInterval;
        this.commitRecords = commitRecords;
        this.clock = clock;
        this.lastCommit = clock.instant();
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records, @Nullable Consumer<?, ?> consumer) {
        for (ConsumerRecord<String, byte[]> record : records) {
            index(record);
            nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        uncommitted += records.size();
        indexedSinceStart += records.size();
        archive.refresh();
        if (uncommitted >= commitRecords || !clock.instant().isBefore(lastCommit.plus(commitInterval))) {
            commit();
        }
        // A consumer-aware listener is always handed its consumer by the container.
        checkCaughtUp(Objects.requireNonNull(consumer, "consumer"));
    }

    /** Between records: commit what is left, and see whether the end was reached without a record to say so. */
    @Override
    public void onIdle(Consumer<?, ?> consumer) {
        if (uncommitted > 0) {
            commit();
        }
        checkCaughtUp(consumer);
    }

    /** The consumer thread has ended: what it indexed since its last commit is made durable here. */
    @Override
    public void stopped() {
        commit();
    }

    /** Commits what was indexed; the container has stopped, or this is its consumer thread. */
    void commit() {
        archive.commit(new ArchiveOffsets(topicId, nextOffsets).toCommitData());
        uncommitted = 0;
        lastCommit = clock.instant();
    }

    private void checkCaughtUp(Consumer<?, ?> consumer) {
        if (catchUp.reachedEnd(consumer, indexedSinceStart)) {
            if (uncommitted > 0) {
                commit();
            }
            log.info("Archive caught up with {}: {} articles, {} records read since start",
                    consumer.assignment().iterator().next().topic(), archive.size(), indexedSinceStart);
            catchUp.caughtUp();
        }
    }

    private void index(ConsumerRecord<String, byte[]> record) {
        try {
            ArticleEvent article = articles.deserialize(record.topic(), record.value());
            if (article == null) {
                archive.remove(record.key());
            }
            else {
                archive.accept(article);
            }
        }
        catch (RuntimeException e) {
            log.warn("Archive skips unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}
