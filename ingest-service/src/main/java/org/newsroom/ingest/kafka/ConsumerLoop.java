package org.newsroom.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * One Kafka consumer on a daemon thread of its own, for as long as the service runs. Whatever
 * {@link #consume} does with the consumer, a Kafka failure closes it and a new one starts after a
 * pause, so a broker that is down at startup or goes away later is waited for rather than fatal.
 * {@link #stop} wakes the consumer out of any blocking call. Values are read as bytes: the subclass
 * decides how to read them, so that one unreadable record is skipped instead of stopping the loop.
 */
public abstract class ConsumerLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String name;

    private final Map<String, Object> config;

    private volatile boolean running;

    private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

    private @Nullable Thread thread;

    /**
     * @param name the name of the thread, and of the loop in log messages
     * @param config the consumer settings, usually from {@link #configOf}
     */
    protected ConsumerLoop(String name, Map<String, Object> config) {
        this.name = name;
        this.config = Map.copyOf(config);
    }

    /**
     * Runs with a fresh consumer for as long as {@code running} says; returns (or throws a
     * {@link KafkaException}) to be run again with a new consumer after a pause.
     */
    protected abstract void consume(KafkaConsumer<String, byte[]> consumer, BooleanSupplier running);

    /**
     * The consumer settings of the application, for a consumer that reads from the beginning and
     * commits nothing (its state is rebuilt from the topic at every start), with the given group,
     * or none for a consumer that assigns partitions itself.
     */
    public static Map<String, Object> configOf(KafkaProperties kafka, String clientId, @Nullable String groupId) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Topics are created by KafkaAdmin with their compaction settings; a broker default must not win.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    /**
     * Assigns every partition of the topics to the consumer, from the beginning: for a follower that
     * needs all of them, whatever other instances read.
     *
     * @return the partitions assigned; none, and nothing assigned, while a topic does not exist yet
     */
    protected static List<TopicPartition> assignFromBeginning(KafkaConsumer<String, byte[]> kafka,
            List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        return partitions;
    }

    @Override
    public void start() {
        running = true;
        Thread loop = new Thread(this::loop, name);
        loop.setDaemon(true);
        loop.start();
        thread = loop;
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread loop = thread;
        if (loop != null) {
            try {
                loop.join(Duration.ofSeconds(10).toMillis());
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

    private void loop() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(config)) {
                consumer = kafka;
                if (!running) {
                    return; // stopped while the consumer was being created, before wakeup() could reach it
                }
                consume(kafka, () -> running);
            }
            catch (WakeupException stopping) {
                return;
            }
            catch (KafkaException e) {
                log.warn("{} cannot read from Kafka ({}); retrying", name, e.toString());
            }
            finally {
                consumer = null;
            }
            if (running) {
                pause();
            }
        }
    }

    /** Backs off between attempts while Kafka is unreachable or a topic does not exist yet. */
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
