package org.newsroom.ingest.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Follows every {@link FollowedTopic} into the {@link StateStore} for as long as the service runs.
 * On start, in the background so that a broker that is down is waited for rather than fatal: asks
 * Kafka for the cluster id, the partitions and their end offsets, drops a state that does not
 * belong to them ({@link StateStore#validate}), then starts one spring-kafka container per topic on
 * all its partitions, from the stored offsets. Each topic reports {@link FollowedTopic#caughtUp}
 * once it has read up to those end offsets: after a restart that is what was new since the last
 * commit, not the whole topic.
 */
@Component
class TopicFollowers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicFollowers.class);

    private static final Duration RETRY = Duration.ofSeconds(1);

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final List<FollowedTopic<?>> followed;

    private final StateStore store;

    private final TopicConsumers consumers;

    private final KafkaAdmin kafkaAdmin;

    private final List<KafkaMessageListenerContainer<String, ?>> containers = new CopyOnWriteArrayList<>();

    private volatile boolean running;

    private @Nullable Thread starter;

    TopicFollowers(List<FollowedTopic<?>> followed, StateStore store, TopicConsumers consumers, KafkaAdmin kafkaAdmin) {
        this.followed = List.copyOf(followed);
        this.store = store;
        this.consumers = consumers;
        this.kafkaAdmin = kafkaAdmin;
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::startWhenKafkaAnswers, "ingest-state-recovery");
        thread.setDaemon(true);
        thread.start();
        starter = thread;
    }

    private void startWhenKafkaAnswers() {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis() / 2);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            while (running) {
                try {
                    follow(admin);
                    return;
                }
                catch (ExecutionException | TimeoutException | KafkaException e) {
                    log.warn("Cannot read ingest's topics from Kafka yet ({}); retrying", e.toString());
                    kafkaAdmin.initialize(); // creates the topics if they are what was missing
                    Thread.sleep(RETRY.toMillis());
                }
            }
        }
        catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        String clusterId = admin.describeCluster().clusterId().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Set<String> names = followed.stream().map(topic -> topic.topic().name()).collect(Collectors.toSet());
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        topics.values().forEach(topic -> topic.partitions().forEach(
                partition -> latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, end) -> ends.put(partition, end.offset()));
        store.validate(clusterId, ends);
        for (FollowedTopic<?> topic : followed) {
            if (running) {
                start(topic, ends);
            }
        }
    }

    private <V> void start(FollowedTopic<V> topic, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> targets = new HashMap<>(ends);
        targets.keySet().removeIf(partition -> !partition.topic().equals(topic.topic().name()));
        CatchUp catchUp = new CatchUp(targets, store);
        List<TopicPartitionOffset> from = new ArrayList<>();
        targets.keySet().forEach(partition -> from.add(
                new TopicPartitionOffset(partition.topic(), partition.partition(), store.nextOffset(partition))));
        ContainerProperties properties = new ContainerProperties(from.toArray(TopicPartitionOffset[]::new));
        // No consumer group, so nothing to commit to: the store keeps the offsets.
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.setMessageListener((MessageListener<String, V>) record -> {
            store.apply(partitionOf(record), record.offset(), () -> {
                if (record.key() != null) {
                    topic.apply(record);
                }
            });
            catchUp.read(partitionOf(record), record.offset(), topic);
        });
        KafkaMessageListenerContainer<String, V> container = new KafkaMessageListenerContainer<>(
                consumers.of(topic.topic(), "ingest-state-" + topic.topic().name(), null), properties);
        container.setBeanName("ingest-state-" + topic.topic().name());
        // An unreadable record is skipped and counted as read, else the state could never catch up.
        container.setCommonErrorHandler(new DefaultErrorHandler((record, failure) -> {
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    NestedExceptionUtils.getMostSpecificCause(failure).toString());
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            store.apply(partition, record.offset(), () -> { });
            catchUp.read(partition, record.offset(), topic);
        }, new FixedBackOff(RETRY.toMillis(), 2)));
        container.start();
        containers.add(container);
        log.info("Following {} partitions of {} from the ingest state's offsets", targets.size(), topic.topic().name());
        catchUp.checkAtStart(topic);
    }

    private static TopicPartition partitionOf(ConsumerRecord<String, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** Which partitions of one topic have yet to reach the end offsets they had when following began. */
    private static final class CatchUp {

        private final Map<TopicPartition, Long> remaining;

        CatchUp(Map<TopicPartition, Long> targets, StateStore store) {
            this.remaining = new HashMap<>(targets);
            remaining.entrySet().removeIf(target -> store.nextOffset(target.getKey()) >= target.getValue());
        }

        synchronized void checkAtStart(FollowedTopic<?> topic) {
            if (remaining.isEmpty()) {
                topic.caughtUp();
            }
        }

        synchronized void read(TopicPartition partition, long offset, FollowedTopic<?> topic) {
            Long target = remaining.get(partition);
            if (target != null && offset + 1 >= target) {
                remaining.remove(partition);
                if (remaining.isEmpty()) {
                    log.info("Caught up with {}", partition.topic());
                    topic.caughtUp();
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = starter;
        if (thread != null) {
            thread.interrupt();
        }
        containers.forEach(KafkaMessageListenerContainer::stop);
        containers.clear();
        store.commit();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
