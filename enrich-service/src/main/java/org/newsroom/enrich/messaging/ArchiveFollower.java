package org.newsroom.enrich.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.enrich.related.LuceneArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the archive index from {@link Topics#ARTICLES}, from its beginning, at every start.
 *
 * <p>The consumer is assigned <em>all</em> partitions by hand and has no consumer group: with
 * several enrich instances each one gets only some partitions for enriching, but every one of them
 * must know the whole archive to find related articles. Without a group no offsets are committed,
 * so a restarted instance reads the topic again and rebuilds its in-memory index. Records that
 * cannot be read are skipped: the enrichment's own consumer sends them to the dead-letter topic.
 */
final class ArchiveFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ArchiveFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final LuceneArchive archive;
    private final String bootstrapServers;
    private final JsonMapper json;
    private volatile boolean running;
    private @Nullable KafkaConsumer<String, String> consumer;
    private @Nullable Thread thread;

    ArchiveFollower(LuceneArchive archive, String bootstrapServers, JsonMapper json) {
        this.archive = archive;
        this.bootstrapServers = bootstrapServers;
        this.json = json;
    }

    @Override
    public synchronized void start() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "enrich-archive-follower",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        running = true;
        thread = new Thread(() -> follow(consumer), "archive-follower");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow(KafkaConsumer<String, String> consumer) {
        try (consumer) {
            List<TopicPartition> partitions = awaitPartitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            log.info("Rebuilding the archive index from all {} partitions of {}", partitions.size(),
                    Topics.ARTICLES.name());
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                records.forEach(this::index);
                if (!records.isEmpty()) {
                    archive.refresh();
                }
            }
        }
        catch (WakeupException e) {
            // stop() was called
        }
    }

    private void index(ConsumerRecord<String, String> record) {
        try {
            if (record.value() == null) {
                archive.remove(record.key());
            }
            else {
                archive.accept(json.readValue(record.value(), ArticleEvent.class));
            }
        }
        catch (RuntimeException e) {
            log.warn("Archive skips unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    /** The topic is created by the admin at startup; until it exists, ask again. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> consumer) {
        while (true) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(Topics.ARTICLES.name(), Duration.ofSeconds(5));
                if (!infos.isEmpty()) {
                    return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                }
            }
            catch (WakeupException e) {
                throw e;
            }
            catch (KafkaException e) {
                log.debug("Article topic not available yet: {}", e.getMessage());
            }
        }
    }
}
