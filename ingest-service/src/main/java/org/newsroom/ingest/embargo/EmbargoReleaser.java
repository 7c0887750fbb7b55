package org.newsroom.ingest.embargo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EmbargoedArticle;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.article.ArticlePublisher;
import org.newsroom.ingest.kafka.ConsumerLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Releases the embargoed stories of the {@link Topics#EMBARGOED} partitions assigned to this
 * instance when their time comes (see the package documentation for how holds survive restarts).
 * A release that fails, because Kafka is unreachable, is tried again at the next round: a hold is
 * only forgotten once its article is in the log.
 */
public final class EmbargoReleaser extends ConsumerLoop {

    private static final Logger log = LoggerFactory.getLogger(EmbargoReleaser.class);

    /** How often due holds are looked for: embargoes are released within this of their time. */
    private static final Duration ROUND = Duration.ofMillis(500);

    private final ArticlePublisher publisher;

    private final JsonMapper json;

    private final Clock clock;

    private final Duration sendDeadline;

    private final ObservationRegistry observations;

    /** The pending holds of the assigned partitions, by hold key. */
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();

    /** A pending hold, with the headers of its record: they carry the trace of the partner's push. */
    private record Hold(TopicPartition partition, EmbargoedArticle held, Headers headers) {
    }

    /**
     * @param consumerConfig settings of the consumer that reads the holds; its group shares the
     *        partitions, and so the releases, among the ingest instances
     */
    public EmbargoReleaser(Map<String, Object> consumerConfig, ArticlePublisher publisher, JsonMapper json, Clock clock,
            Duration sendDeadline, ObservationRegistry observations) {
        super("embargo-releaser", consumerConfig);
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.sendDeadline = sendDeadline;
        this.observations = observations;
    }

    private static @Nullable String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    protected void consume(KafkaConsumer<String, byte[]> kafka, BooleanSupplier running) {
        holds.clear();
        kafka.subscribe(List.of(Topics.EMBARGOED.name()), new ConsumerRebalanceListener() {

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                kafka.seekToBeginning(partitions);
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                holds.values().removeIf(hold -> partitions.contains(hold.partition()));
            }
        });
        while (running.getAsBoolean()) {
            kafka.poll(ROUND).forEach(this::apply);
            releaseDue();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            holds.remove(record.key());
            return;
        }
        try {
            EmbargoedArticle held = json.readValue(record.value(), EmbargoedArticle.class);
            holds.put(record.key(),
                    new Hold(new TopicPartition(record.topic(), record.partition()), held, record.headers()));
        }
        catch (JacksonException e) {
            log.warn("Skipping unreadable hold {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getOriginalMessage());
        }
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
                    .observe(() -> publisher.publish(held.article()).then(publisher.endHold(key))
                            .block(sendDeadline.multipliedBy(2)));
            holds.remove(key, hold);
            log.info("Released {} version {}: its embargo ended at {}", held.article().uri(), held.article().version(),
                    held.releaseAt());
        }
        catch (RuntimeException e) {
            log.warn("Could not release {} version {} yet ({}); trying again", held.article().uri(),
                    held.article().version(), e.toString());
        }
    }
}
