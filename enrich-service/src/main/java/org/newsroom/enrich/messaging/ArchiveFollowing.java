package org.newsroom.enrich.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.Topics;
import org.newsroom.enrich.related.ArchiveProperties;
import org.newsroom.enrich.related.LuceneArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Follows {@link Topics#ARTICLES} into the archive index with a spring-kafka listener container
 * on <em>all</em> partitions, assigned by hand, from the offsets of the index's last commit (the
 * beginning for a new index). It has no consumer group: with several enrich instances each one
 * enriches only some partitions, but every one must know the whole archive. The container is
 * made from the application's consumer factory, so the deployment's Kafka settings (security,
 * reconnects, metrics) apply; the records are read as bytes and decoded by the topic's own
 * deserializer, so that one unreadable record is skipped rather than stopping the partition.
 *
 * <p>An index whose offsets were read from another topic of the same name (another broker, or
 * the topic deleted and created again) is cleared and built anew, see {@link ArchiveOffsets}.
 *
 * <p>Finding the partitions waits for the topic to exist (it is created by the admin at startup,
 * never by this consumer), asking again with a growing pause, on a thread of its own: the service
 * starts meanwhile and is not ready.
 */
final class ArchiveFollowing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ArchiveFollowing.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final long IDLE_EVENT_MILLIS = 500;

    private final LuceneArchive archive;
    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaAdmin admin;
    private final ArchiveReadiness readiness;
    private final ArchiveProperties properties;
    private volatile boolean running;
    private @Nullable Thread starter;
    private @Nullable KafkaMessageListenerContainer<String, byte[]> container;
    private @Nullable ArchiveFollower follower;

    ArchiveFollowing(LuceneArchive archive, ConsumerFactory<String, byte[]> consumers, KafkaAdmin admin,
            ArchiveReadiness readiness, ArchiveProperties properties) {
        this.archive = archive;
        this.consumers = consumers;
        this.admin = admin;
        this.readiness = readiness;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        running = true;
        starter = new Thread(this::follow, "archive-follower-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public void stop() {
        Thread waiting;
        KafkaMessageListenerContainer<String, byte[]> following;
        ArchiveFollower listener;
        synchronized (this) {
            running = false;
            waiting = starter;
            following = container;
            listener = follower;
        }
        if (waiting != null) {
            waiting.interrupt();
        }
        if (following != null && listener != null) {
            following.stop();
            // The consumer thread has ended: what it indexed since its last commit is made durable here.
            listener.commit();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        String topic = Topics.ARTICLES.name();
        TopicDescription description = awaitTopic(topic);
        if (description == null) {
            return;
        }
        String topicId = description.topicId().toString();
        ArchiveOffsets committed = ArchiveOffsets.fromCommitData(topic, topicId, archive.committedData())
                .orElseGet(() -> startAnew(topicId));
        List<TopicPartitionOffset> assignment = description.partitions().stream()
                .map(partition -> from(new TopicPartition(topic, partition.partition()), committed.nextOffsets()))
                .toList();
        log.info("Following {} partitions of {} into the archive ({} articles, offsets {})", assignment.size(), topic,
                archive.size(), committed.nextOffsets().isEmpty() ? "none: building it from the beginning"
                        : committed.nextOffsets());
        ArchiveFollower listener = new ArchiveFollower(archive, Topics.ARTICLES.valueDeserializer(), readiness,
                committed, properties.commitInterval(), properties.commitRecords(), Clock.systemUTC());
        KafkaMessageListenerContainer<String, byte[]> following = new KafkaMessageListenerContainer<>(consumers,
                containerProperties(assignment, listener));
        following.setBeanName("archive-follower");
        following.setApplicationEventPublisher(event -> {
            if (event instanceof ListenerContainerIdleEvent idle) {
                listener.onIdle(idle.getConsumer());
            }
        });
        synchronized (this) {
            if (!running) {
                return;
            }
            follower = listener;
            container = following;
            following.start();
        }
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

    private static ContainerProperties containerProperties(List<TopicPartitionOffset> assignment,
            ArchiveFollower listener) {
        ContainerProperties container = new ContainerProperties(assignment.toArray(TopicPartitionOffset[]::new));
        container.setMessageListener(listener);
        container.setClientId("enrich-archive");
        container.setIdleEventInterval(IDLE_EVENT_MILLIS);
        // The offsets live in the index; the container commits none.
        container.setAckMode(ContainerProperties.AckMode.MANUAL);
        // Credentials that fail now (a rotated secret) may work later: keep trying, do not stop.
        container.setAuthExceptionRetryInterval(LAST_RETRY);
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // An offset the topic no longer has (recreated topic): read it again from the beginning.
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        container.setKafkaConsumerProperties(consumer);
        return container;
    }

    /** The topic once it exists; null if stopped while waiting. */
    private @Nullable TopicDescription awaitTopic(String topic) {
        Duration pause = FIRST_RETRY;
        while (running) {
            try {
                return admin.describeTopics(topic).get(topic);
            }
            catch (RuntimeException e) {
                log.info("Article topic {} not available yet ({}); asking again in {} s", topic, e.getMessage(),
                        pause.toSeconds());
            }
            try {
                Thread.sleep(pause.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pause = pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
        }
        return null;
    }
}
