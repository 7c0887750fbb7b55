package org.newsroom.ingest.ledger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@link Topics#ARTICLES} into the {@link ArticleLedger}: every partition, from the beginning,
 * for as long as the service runs. Manual assignment without a consumer group, because every ingest
 * instance needs the whole log, and nothing is committed because every start reads it all again.
 */
@Component
class ArticleLogFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ArticleLogFollower.class);

    private static final Duration POLL = Duration.ofMillis(500);

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Map<String, Object> config;

    private final ArticleLedger ledger;

    private final JsonMapper json;

    private volatile boolean running;

    private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

    private @Nullable Thread thread;

    ArticleLogFollower(KafkaProperties kafka, ArticleLedger ledger, JsonMapper json) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-article-ledger");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The topic is created by KafkaAdmin with its compaction settings; a broker default must not win.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.config = config;
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    public void start() {
        running = true;
        Thread follower = new Thread(this::follow, "article-ledger");
        follower.setDaemon(true);
        follower.start();
        thread = follower;
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread follower = thread;
        if (follower != null) {
            try {
                follower.join(Duration.ofSeconds(10).toMillis());
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

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(config)) {
                consumer = kafka;
                if (!running) {
                    return; // stopped while the consumer was being created, before wakeup() could reach it
                }
                List<TopicPartition> partitions = partitions(kafka);
                if (partitions.isEmpty()) {
                    pause();
                    continue;
                }
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
                log.info("Reading {} partitions of {} into the article ledger", partitions.size(), Topics.ARTICLES.name());
                while (running) {
                    kafka.poll(POLL).forEach(this::apply);
                    if (!ledger.isCaughtUp() && reached(kafka, ends)) {
                        ledger.markCaughtUp();
                        log.info("Article ledger caught up: {} articles", ledger.size());
                    }
                }
            }
            catch (WakeupException stopping) {
                return;
            }
            catch (KafkaException e) {
                log.warn("Article ledger cannot read {} ({}); retrying", Topics.ARTICLES.name(), e.toString());
                pause();
            }
            finally {
                consumer = null;
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(Topics.ARTICLES.name());
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> kafka.position(end.getKey()) >= end.getValue());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                ledger.forget(record.key());
            }
            return;
        }
        try {
            ledger.observe(json.readValue(record.value(), ArticleEvent.class));
        }
        catch (JacksonException e) {
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getOriginalMessage());
        }
    }

    /** Backs off between attempts while Kafka is unreachable or the topic does not exist yet. */
    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
