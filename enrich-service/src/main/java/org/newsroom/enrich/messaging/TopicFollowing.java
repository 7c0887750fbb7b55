package org.newsroom.enrich.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Follows <em>all</em> partitions of one topic with a spring-kafka listener container, assigned by
 * hand from positions its subclass chooses: no consumer group, since with several enrich
 * instances each one enriches only some partitions, but every one must know the whole topic. The
 * container is made from the application's consumer factory, so the deployment's Kafka settings
 * (security, reconnects, metrics) apply; the records are read as bytes and decoded by the
 * follower, so that one unreadable record is skipped rather than stopping the partition.
 *
 * <p>Finding the partitions waits for the topic to exist (it is created by the admin at startup,
 * never by this consumer), asking again with a growing pause, on a thread of its own: the service
 * starts meanwhile and is not ready.
 */
abstract class TopicFollowing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicFollowing.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final long IDLE_EVENT_MILLIS = 500;

    private final String topic;
    private final String clientId;
    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaAdmin admin;
    private volatile boolean running;
    private @Nullable Thread starter;
    private @Nullable KafkaMessageListenerContainer<String, byte[]> container;
    private @Nullable Follower follower;

    TopicFollowing(String topic, String clientId, ConsumerFactory<String, byte[]> consumers, KafkaAdmin admin) {
        this.topic = topic;
        this.clientId = clientId;
        this.consumers = consumers;
        this.admin = admin;
    }

    /** What reads the records, and from where; called once the topic exists. */
    abstract Start begin(TopicDescription topic);

    /**
     * @param assignment every partition of the topic, each with where to start
     * @param follower the listener of the records
     */
    record Start(List<TopicPartitionOffset> assignment, Follower follower) {
    }

    /** The listener of the followed records, told also when the topic has been quiet for a while. */
    interface Follower extends BatchConsumerAwareMessageListener<String, byte[]> {

        void onIdle(Consumer<?, ?> consumer);

        /** After the container has stopped: its consumer thread has ended. */
        default void stopped() {
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        starter = new Thread(this::follow, clientId + "-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public void stop() {
        Thread waiting;
        KafkaMessageListenerContainer<String, byte[]> following;
        Follower listener;
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
            listener.stopped();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        TopicDescription description = awaitTopic();
        if (description == null) {
            return;
        }
        Start start = begin(description);
        Follower listener = start.follower();
        KafkaMessageListenerContainer<String, byte[]> following = new KafkaMessageListenerContainer<>(consumers,
                containerProperties(start.assignment(), listener));
        following.setBeanName(clientId);
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

    private ContainerProperties containerProperties(List<TopicPartitionOffset> assignment, Follower listener) {
        ContainerProperties container = new ContainerProperties(assignment.toArray(TopicPartitionOffset[]::new));
        container.setMessageListener(listener);
        container.setClientId(clientId);
        container.setIdleEventInterval(IDLE_EVENT_MILLIS);
        // The positions are the follower's own; the container commits none.
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
    private @Nullable TopicDescription awaitTopic() {
        Duration pause = FIRST_RETRY;
        while (running) {
            try {
                return admin.describeTopics(topic).get(topic);
            }
            catch (RuntimeException e) {
                log.info("Topic {} not available yet ({}); asking again in {} s", topic, e.getMessage(),
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
