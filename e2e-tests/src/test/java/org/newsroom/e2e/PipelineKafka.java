package org.newsroom.e2e;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * What the tests look at and inject on the broker directly: topic end offsets, a consumer group's
 * committed offsets, raw records written around the services, and whole topics read back. Every
 * call opens and closes its own client, so it works the same before and after a broker restart.
 */
final class PipelineKafka {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;

    /** Where one record sits. */
    record Position(TopicPartition partition, long offset) {
    }

    PipelineKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * The partition Kafka's default partitioner gives a record with this key, as the services'
     * producers use it: a test that needs a record on the same partition as a story writes it there.
     */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Waits until {@code group} has committed past every record of {@code topic} (which must hold
     * at least one). A missing or single delivery only proves something once the consumer has been
     * offered everything there is.
     */
    void awaitCaughtUp(String group, String topic, Duration atMost) {
        await().atMost(atMost).ignoreExceptions().until(() -> {
            Map<TopicPartition, Long> ends = endOffsets(topic);
            Map<TopicPartition, Long> committed = committedOffsets(group);
            return ends.values().stream().mapToLong(Long::longValue).sum() >= 1 && ends.entrySet().stream()
                    .allMatch(end -> end.getValue() == 0 || committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
        });
    }

    /** The next offset to be written, for each partition of the topic. */
    Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> ((ListOffsetsResultInfo) e.getValue()).offset()));
        }
    }

    /** The offsets the group has committed: the next record each of its partitions would be given. */
    Map<TopicPartition, Long> committedOffsets(String group) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return committed.entrySet().stream().filter(entry -> entry.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }

    /** Writes one record as it is, past every service's serializer, and waits for the broker's ack. */
    Position produce(String topic, int partition, String key, byte[] value)
            throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
            return new Position(new TopicPartition(written.topic(), written.partition()), written.offset());
        }
    }

    /** Every record of the topic up to its end when reading began; empty if the topic does not exist yet. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return List.of();
            }
        }
        Map<TopicPartition, Long> ends = endOffsets(topic);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            Set<TopicPartition> partitions = ends.keySet();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, CALL_TIMEOUT) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " up to " + ends + " in " + CALL_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Where the latest record of each key sits in the topic; keys without a record are left out. */
    Map<String, Position> positions(String topic, Collection<String> keys) throws ExecutionException, InterruptedException {
        return readAll(topic).stream().filter(record -> keys.contains(record.key()))
                .collect(Collectors.toMap(ConsumerRecord::key,
                        record -> new Position(new TopicPartition(record.topic(), record.partition()), record.offset()),
                        (earlier, later) -> later));
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis()));
    }
}
