package org.newsroom.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contract.Topics;

/**
 * The ceiling: the same story JSON produced to and consumed from a topic of the same broker, with
 * the producer settings ingest uses (acks=all, idempotence, zstd) and the partition count of the
 * articles topic. Nothing the pipeline does can be faster than this on this machine.
 */
final class KafkaCeiling {

    private static final String SENT_AT = "bench-sent-nanos";

    /**
     * @param records   records produced
     * @param received  records consumed within the time limit
     * @param seconds   first send to last receive
     * @param latency   produce→consume, microseconds
     */
    record Result(String name, long records, long received, double seconds, LatencySummary latency) {

        double recordsPerSecond() {
            return seconds > 0 ? received / seconds : Double.NaN;
        }
    }

    private final String bootstrapServers;
    private final List<byte[]> payloads;
    private final List<String> keys;

    KafkaCeiling(String bootstrapServers, List<Story> stories) {
        this.bootstrapServers = bootstrapServers;
        this.payloads = stories.stream().map(story -> story.toRequestJson().getBytes(StandardCharsets.UTF_8)).toList();
        this.keys = stories.stream().map(Story::uri).toList();
    }

    /** As fast as the producer takes them. */
    Result maxRate(String topic, int records, Duration timeLimit) {
        return run("max rate", topic, records, null, timeLimit);
    }

    /** At a fixed rate, to compare latency with the pipeline at the same load. */
    Result fixedRate(String topic, int records, double perSecond, Duration timeLimit) {
        return run(String.format(java.util.Locale.ROOT, "%.0f records/s", perSecond), topic, records, new Pacer(perSecond), timeLimit);
    }

    private Result run(String name, String topic, int records, @Nullable Pacer pacer, Duration timeLimit) {
        createTopic(topic);
        Histogram latency = LatencySummary.newHistogram();
        AtomicLong received = new AtomicLong();
        AtomicLong lastReceived = new AtomicLong();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        Thread consumer = new Thread(() -> consume(topic, records, deadline, latency, received, lastReceived), "ceiling-consumer");
        consumer.setDaemon(true);
        consumer.start();
        long firstSend;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            producer.partitionsFor(topic); // metadata up front, so it does not count as latency
            firstSend = System.nanoTime();
            for (int i = 0; i < records && System.nanoTime() < deadline; i++) {
                if (pacer != null) {
                    pacer.awaitTurn(i);
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, keys.get(i % keys.size()),
                        payloads.get(i % payloads.size()));
                record.headers().add(SENT_AT, ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array());
                producer.send(record);
            }
            producer.flush();
        }
        try {
            consumer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (lastReceived.get() - firstSend) / 1e9;
        return new Result(name, records, received.get(), Math.max(seconds, 0), LatencySummary.of(latency));
    }

    private void consume(String topic, int records, long deadline, Histogram latency, AtomicLong received, AtomicLong lastReceived) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            int partitions = consumer.partitionsFor(topic).size();
            consumer.assign(IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList());
            consumer.seekToBeginning(consumer.assignment());
            while (received.get() < records && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Header sentAt = record.headers().lastHeader(SENT_AT);
                    if (sentAt != null) {
                        latency.recordValue(Math.max(1, (now - ByteBuffer.wrap(sentAt.value()).getLong()) / 1000));
                    }
                    received.incrementAndGet();
                    lastReceived.set(now);
                }
            }
        }
    }

    private void createTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Topics.ARTICLES.partitions(), (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** As ingest-service writes stories: acks=all, idempotent, zstd. */
    Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }
}
