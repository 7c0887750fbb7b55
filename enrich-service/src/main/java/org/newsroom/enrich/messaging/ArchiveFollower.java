package org.newsroom.enrich.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.enrich.related.LuceneArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;

/**
 * Indexes the records of the article topic into the archive, a poll's batch at a time, and
 * commits the index together with the offsets it covers every so many records or seconds (and
 * when it stops), not per article: a commit syncs files to disk. The offsets are the index's own,
 * not a consumer group's, so each instance keeps the whole archive whatever partitions it enriches.
 *
 * <p>Records that cannot be read are skipped: the enrichment's own consumer sends them to the
 * dead-letter topic. It runs on the listener container's consumer thread only.
 */
final class ArchiveFollower implements BatchConsumerAwareMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(ArchiveFollower.class);

    private final LuceneArchive archive;
    private final Deserializer<ArticleEvent> articles;
    private final ArchiveReadiness readiness;
    private final Duration commitInterval;
    private final int commitRecords;
    private final Clock clock;
    private final String topicId;
    private final Map<TopicPartition, Long> nextOffsets;
    private @Nullable Map<TopicPartition, Long> catchUpTarget;
    private Instant lastCommit;
    private int uncommitted;
    private long indexedSinceStart;

    /**
     * @param committed what the index already covers
     */
    ArchiveFollower(LuceneArchive archive, Deserializer<ArticleEvent> articles, ArchiveReadiness readiness,
            ArchiveOffsets committed, Duration commitInterval, int commitRecords, Clock clock) {
        this.archive = archive;
        this.articles = articles;
        this.readiness = readiness;
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
    void onIdle(Consumer<?, ?> consumer) {
        if (uncommitted > 0) {
            commit();
        }
        checkCaughtUp(consumer);
    }

    /** Commits what was indexed; the container has stopped, or this is its consumer thread. */
    void commit() {
        archive.commit(new ArchiveOffsets(topicId, nextOffsets).toCommitData());
        uncommitted = 0;
        lastCommit = clock.instant();
    }

    /**
     * Caught up once every partition's position reaches the end it had when first asked: the
     * position, not the last record's offset, since compaction can leave the end past the last record.
     */
    private void checkCaughtUp(Consumer<?, ?> consumer) {
        if (readiness.isCaughtUp()) {
            return;
        }
        if (catchUpTarget == null) {
            catchUpTarget = consumer.endOffsets(consumer.assignment());
        }
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> end : catchUpTarget.entrySet()) {
            behind += Math.max(0, end.getValue() - consumer.position(end.getKey()));
        }
        readiness.progress(indexedSinceStart, behind);
        if (behind == 0) {
            if (uncommitted > 0) {
                commit();
            }
            log.info("Archive caught up with {}: {} articles, {} records read since start",
                    catchUpTarget.keySet().iterator().next().topic(), archive.size(), indexedSinceStart);
            readiness.caughtUp();
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
