package org.newsroom.ingest.embargo;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EmbargoedArticle;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.article.ArticlePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Releases the embargoed stories of the {@link Topics#EMBARGOED} partitions assigned to this
 * instance when their time comes (see the package documentation for how holds survive restarts).
 * The holds themselves are read into {@link HeldEmbargoes}, on disk; a spring-kafka container in
 * the releasers' consumer group only decides which partitions are this instance's to release, its
 * partitions paused so that it never reads a hold again. A timer releases what is due once the
 * holds are read up to where the topic ended at start. A release that fails, because Kafka is
 * unreachable, is tried again at the next round: a hold is only forgotten once its article is in
 * the log and its tombstone read.
 */
public final class EmbargoReleaser implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbargoReleaser.class);

    /** How often due holds are looked for: embargoes are released within this of their time. */
    private static final Duration ROUND = Duration.ofMillis(500);

    private final KafkaMessageListenerContainer<String, EmbargoedArticle> container;

    private final ArticlePublisher publisher;

    private final Clock clock;

    private final Duration sendDeadline;

    private final ObservationRegistry observations;

    /** The most holds released in one round, so that a round after a long outage stays short. */
    private static final int MAX_PER_ROUND = 1000;

    private final HeldEmbargoes holds;

    /** The partitions whose holds this instance releases. */
    private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();

    private @Nullable ScheduledExecutorService rounds;

    /**
     * @param consumers the consumers that read the holds
     * @param groupId their group, which shares the partitions, and so the releases, among the ingest instances
     */
    public EmbargoReleaser(ConsumerFactory<String, EmbargoedArticle> consumers, String groupId, HeldEmbargoes holds,
            ArticlePublisher publisher, Clock clock, Duration sendDeadline, ObservationRegistry observations) {
        this.holds = holds;
        this.publisher = publisher;
        this.clock = clock;
        this.sendDeadline = sendDeadline;
        this.observations = observations;
        ContainerProperties properties = new ContainerProperties(Topics.EMBARGOED.name());
        properties.setGroupId(groupId);
        // The holds are read by the state's follower; this consumer only takes part in the group.
        properties.setMessageListener((MessageListener<String, EmbargoedArticle>) record -> { });
        properties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {

            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                // Paused for good: the container resumes only partitions it paused itself.
                consumer.pause(partitions);
                owned.addAll(partitions);
            }

            @Override
            public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                owned.removeAll(partitions);
            }

            @Override
            public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                owned.removeAll(partitions);
            }
        });
        this.container = new KafkaMessageListenerContainer<>(consumers, properties);
        container.setBeanName("embargo-releaser");
        container.setCommonErrorHandler(new DefaultErrorHandler((record, failure) -> log.warn(
                "Skipping unreadable hold {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                NestedExceptionUtils.getMostSpecificCause(failure).toString()), new FixedBackOff(0, 0)));
    }

    private void releaseDue() {
        if (!holds.isCaughtUp() || owned.isEmpty()) {
            return;
        }
        try {
            holds.dueAt(clock.instant(), Set.copyOf(owned), MAX_PER_ROUND).forEach(this::release);
        }
        catch (RuntimeException e) {
            log.warn("Could not read the due holds ({}); trying again", e.toString());
        }
    }

    private void release(HeldEmbargoes.StoredHold hold) {
        EmbargoedArticle held = hold.held();
        try {
            // Released in the trace of the push, so the story keeps one trace id from partner to subscriber.
            ReceiverContext<Map<String, String>> push = new ReceiverContext<>(Map::get);
            push.setCarrier(hold.headers());
            Observation.createNotStarted("newsroom.embargo.release", () -> push, observations)
                    .observe(() -> publisher.release(held).block(sendDeadline.multipliedBy(2)));
            holds.released(held);
            log.info("Released {} version {}: its embargo ended at {}", held.article().uri(), held.article().version(),
                    held.releaseAt());
        }
        catch (RuntimeException e) {
            log.warn("Could not release {} version {} yet ({}); trying again", held.article().uri(),
                    held.article().version(), e.toString());
        }
    }

    @Override
    public void start() {
        container.start();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embargo-releaser");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::releaseDue, ROUND.toMillis(), ROUND.toMillis(), TimeUnit.MILLISECONDS);
        rounds = timer;
    }

    @Override
    public void stop() {
        ScheduledExecutorService timer = rounds;
        if (timer != null) {
            timer.shutdownNow();
        }
        container.stop();
        owned.clear();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
