package org.newsroom.ingest.embargo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
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
 * A spring-kafka container in the releasers' consumer group reads the holds, from the beginning of
 * each partition whenever it is assigned; a timer releases what is due. A release that fails,
 * because Kafka is unreachable, is tried again at the next round: a hold is only forgotten once its
 * article is in the log.
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

    /** The pending holds of the assigned partitions, by hold key. */
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();

    private @Nullable ScheduledExecutorService rounds;

    /** A pending hold, with the headers of its record: they carry the trace of the partner's push. */
    private record Hold(TopicPartition partition, EmbargoedArticle held, Headers headers) {
    }

    /**
     * @param consumers the consumers that read the holds
     * @param groupId their group, which shares the partitions, and so the releases, among the ingest instances
     */
    public EmbargoReleaser(ConsumerFactory<String, EmbargoedArticle> consumers, String groupId,
            ArticlePublisher publisher, Clock clock, Duration sendDeadline, ObservationRegistry observations) {
        this.publisher = publisher;
        this.clock = clock;
        this.sendDeadline = sendDeadline;
        this.observations = observations;
        ContainerProperties properties = new ContainerProperties(Topics.EMBARGOED.name());
        properties.setGroupId(groupId);
        properties.setMessageListener((MessageListener<String, EmbargoedArticle>) this::apply);
        properties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {

            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                // The topic holds exactly the pending holds: all of them, whatever the group committed.
                consumer.seekToBeginning(partitions);
            }

            @Override
            public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                holds.values().removeIf(hold -> partitions.contains(hold.partition()));
            }
        });
        this.container = new KafkaMessageListenerContainer<>(consumers, properties);
        container.setBeanName("embargo-releaser");
        container.setCommonErrorHandler(new DefaultErrorHandler((record, failure) -> log.warn(
                "Skipping unreadable hold {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                NestedExceptionUtils.getMostSpecificCause(failure).toString()), new FixedBackOff(0, 0)));
    }

    private static @Nullable String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void apply(ConsumerRecord<String, EmbargoedArticle> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            holds.remove(record.key());
            return;
        }
        holds.put(record.key(), new Hold(new TopicPartition(record.topic(), record.partition()), record.value(),
                record.headers()));
    }

    private void releaseDue() {
        Instant now = clock.instant();
        holds.forEach((key, hold) -> {
            if (!hold.held().releaseAt().isAfter(now)) {
                release(key, hold);
            }
        });
    }

    private void release(String key, Hold hold) {
        EmbargoedArticle held = hold.held();
        try {
            // Released in the trace of the push, so the story keeps one trace id from partner to subscriber.
            ReceiverContext<Headers> push = new ReceiverContext<>(EmbargoReleaser::header);
            push.setCarrier(hold.headers());
            Observation.createNotStarted("newsroom.embargo.release", () -> push, observations)
                    .observe(() -> publisher.release(held).block(sendDeadline.multipliedBy(2)));
            holds.remove(key, hold);
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
        holds.clear();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
