package org.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contract.Topic;
import org.newsroom.contract.Topics;
import org.newsroom.e2e.PipelineKafka.Position;
import org.newsroom.launcher.FreePorts;
import org.newsroom.launcher.LocalKafkaBroker;
import org.newsroom.launcher.LocalMongoServer;
import org.newsroom.launcher.ServiceJars;
import org.springframework.http.MediaType;

/**
 * "Nothing accepted is ever lost", checked by breaking the pipeline while it works: the broker
 * restarts under load, publish-service restarts under a subscriber, the store goes away, and
 * malformed records land on both topics. Every story ingest answered 202 for must reach a resuming
 * subscriber exactly once.
 *
 * <p>The broker is the launcher's {@link LocalKafkaBroker} (a real KRaft broker in this JVM), not
 * {@code @EmbeddedKafka}: only it can be stopped and started again on the same port and log
 * folder, which is what the services see when a real broker restarts. The store is
 * the launcher's file-backed mongo-java-server (MVStore file), so articles and stream events survive its restart as
 * they would in MongoDB. One broker, store and set of services serve every scenario; each scenario
 * leaves them all running and counts only the stories of its own run.
 */
class NothingLostIT {

    private static final Duration DELIVERY = Duration.ofSeconds(120);
    private static final Duration OUTAGE_ANSWERS = Duration.ofSeconds(60);
    private static final String ENRICH_GROUP = "enrich-service";
    private static final String ARTICLES_DLQ = Topics.ARTICLES.deadLetters("enrich");
    private static final String ENRICHED_DLQ = Topics.ENRICHED.deadLetters("publish");
    private static final String HOST = "127.0.0.1";
    /**
     * Ingest gives up on an unreachable broker after max-block plus delivery-timeout (15 s by
     * default); shorter here so that an outage of a few seconds shows several 503s.
     */
    private static final Map<String, String> QUICK_INGEST_TIMEOUTS = Map.of(
            "NEWSROOM_INGEST_KAFKA_MAXBLOCK", "2s",
            "NEWSROOM_INGEST_KAFKA_REQUESTTIMEOUT", "2s",
            "NEWSROOM_INGEST_KAFKA_DELIVERYTIMEOUT", "3s");

    @TempDir
    static Path dataDir;

    private static int kafkaPort;
    private static int controllerPort;
    private static LocalKafkaBroker broker;
    private static boolean brokerUp;
    private static LocalMongoServer mongo;
    private static int mongoPort;
    private static NewsroomServices services;
    private static PipelineKafka kafka;
    private static IngestClient ingest;

    @BeforeAll
    static void startNewsroom() {
        kafkaPort = FreePorts.pick();
        controllerPort = FreePorts.pick();
        broker = startBroker();
        mongo = LocalMongoServer.fileBacked(mongoFile(), HOST, 0);
        mongoPort = mongo.port();
        services = NewsroomServices.start(broker.bootstrapServers(), mongo.connectionString("newsroom"),
                "nothing-lost", Map.of(ServiceJars.INGEST, QUICK_INGEST_TIMEOUTS));
        kafka = new PipelineKafka(broker.bootstrapServers());
        ingest = new IngestClient(services.ingest());
    }

    @AfterAll
    static void stopNewsroom() {
        if (services != null) {
            services.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyStoryAcceptedWhileTheBrokerRestartsReachesTheStreamExactlyOnce() throws Exception {
        String run = "broker-restart";
        try (StreamSubscriber subscriber = StreamSubscriber.connect(services.publish())) {
            // Given a partner pushing five stories a second, some of them accepted
            PushLoad load = PushLoad.start(ingest, run, Duration.ofMillis(200), 4, 500, Duration.ofMinutes(4));
            List<PushLoad.Push> pushes;
            Instant stopping;
            Instant stopped;
            Instant restarting;
            Instant restarted;
            try {
                await().atMost(DELIVERY).until(() -> load.count(PushLoad.Push::accepted) >= 5);

                // When the broker stops until ingest has refused a few whole pushes, then starts again
                stopping = Instant.now();
                stopBroker();
                stopped = Instant.now();
                await().atMost(OUTAGE_ANSWERS).until(() -> load.count(push -> push.within(stopped, Instant.now())) >= 3);
                restarting = Instant.now();
                broker = startBroker();
                restarted = Instant.now();
                await().atMost(DELIVERY).until(() -> load.count(push -> push.accepted()
                        && push.sentAt().isAfter(restarted)) >= 5);
            }
            finally {
                pushes = finishAndRestartBrokerIfStopped(load);
            }

            // Then ingest answered 202 while the broker was up, 503 with Retry-After while it was down
            assertThat(pushes).allSatisfy(push -> assertThat(push.status()).as("%s", push).isIn(202, 503));
            assertThat(pushes).filteredOn(push -> push.answeredAt().isBefore(stopping))
                    .isNotEmpty().allSatisfy(push -> assertThat(push.status()).as("%s", push).isEqualTo(202));
            assertThat(pushes).filteredOn(push -> push.within(stopped, restarting))
                    .hasSizeGreaterThanOrEqualTo(3).allSatisfy(NothingLostIT::assertRefusedForNow);
            assertThat(pushes).filteredOn(push -> push.sentAt().isAfter(restarted))
                    .isNotEmpty().allSatisfy(push -> assertThat(push.status()).as("%s", push).isEqualTo(202));
            assertThat(pushes).filteredOn(push -> push.status() == 503).allSatisfy(NothingLostIT::assertRefusedForNow);

            // And every accepted story reached the subscriber exactly once
            List<String> accepted = pushes.stream().filter(PushLoad.Push::accepted).map(PushLoad.Push::uri).toList();
            assertDeliveredExactlyOnce(subscriber, run, accepted);
        }
    }

    @Test
    void aSubscriberResumingAfterAPublishRestartGetsEveryEventPublishedMeanwhileOnce() throws Exception {
        String run = "publish-restart";
        List<String> uris = Stories.uris(run, 8);
        try (StreamSubscriber subscriber = StreamSubscriber.connect(services.publish())) {
            // Given a subscriber that has received the first stories
            pushAccepted(uris.subList(0, 3));
            await().atMost(DELIVERY).until(() -> subscriber.receivedAll(uris.subList(0, 3)));

            // When publish-service stops, stories are enriched meanwhile, and it starts again
            services.stop(ServiceJars.PUBLISH);
            pushAccepted(uris.subList(3, 6));
            kafka.awaitCaughtUp(ENRICH_GROUP, Topics.ARTICLES.name(), DELIVERY);
            services.startAgain(ServiceJars.PUBLISH);
            pushAccepted(uris.subList(6, 8));

            // Then the subscriber, resuming from its last event id, gets every story exactly once
            assertDeliveredExactlyOnce(subscriber, run, uris);
            assertThat(subscriber.resumptions()).isNotEmpty().doesNotContain("");
        }
    }

    @Test
    void storiesEnrichedWhileTheStoreIsDownAreNeitherCommittedNorDeadLetteredAndAreStreamedOnceItIsBack()
            throws Exception {
        String run = "store-outage";
        List<String> uris = Stories.uris(run, 5);
        List<String> duringOutage = uris.subList(2, 5);
        try (StreamSubscriber subscriber = StreamSubscriber.connect(services.publish())) {
            pushAccepted(uris.subList(0, 2));
            await().atMost(DELIVERY).until(() -> subscriber.receivedAll(uris.subList(0, 2)));

            // Given the store is down while stories are pushed and enriched
            mongo.close();
            try {
                pushAccepted(duringOutage);
                kafka.awaitCaughtUp(ENRICH_GROUP, Topics.ARTICLES.name(), DELIVERY);
                Map<String, Position> enriched = positions(Topics.ENRICHED.name(), duringOutage);

                // Then publish does not commit them while it cannot store them, for longer than the
                // retry budget of any other failure (4 attempts of up to 10 s, after which a record
                // would be dead-lettered): an unavailable store is waited for, however long.
                await().during(Duration.ofSeconds(55)).atMost(Duration.ofSeconds(65))
                        .until(() -> noneCommitted(enriched.values()));
                assertThat(keysIn(ENRICHED_DLQ)).doesNotContainAnyElementsOf(duringOutage);
            }
            finally {
                // When the store is back on the same port and file
                mongo = LocalMongoServer.fileBacked(mongoFile(), HOST, mongoPort);
            }

            // Then they are stored and streamed, once each, and nothing was dead-lettered
            assertDeliveredExactlyOnce(subscriber, run, uris);
            assertThat(keysIn(ENRICHED_DLQ)).doesNotContainAnyElementsOf(uris);
            String mongoUri = mongo.connectionString("newsroom");
            assertThat(uris).allSatisfy(uri ->
                    assertThat(PipelineScenarios.storedArticlesWithUri(mongoUri, uri)).as(uri).isEqualTo(1));
        }
    }

    @Test
    void aMalformedRecordOnTheArticleTopicIsDeadLetteredAndTheNextStoryOnItsPartitionStillFlows() throws Exception {
        poisonIsDeadLetteredAndTheNextStoryStillFlows(Topics.ARTICLES, ARTICLES_DLQ, "poison-articles");
    }

    @Test
    void aMalformedRecordOnTheEnrichedTopicIsDeadLetteredAndTheNextStoryOnItsPartitionStillFlows() throws Exception {
        poisonIsDeadLetteredAndTheNextStoryStillFlows(Topics.ENRICHED, ENRICHED_DLQ, "poison-enriched");
    }

    /**
     * The malformed record is written to the very partition the good story will take, so the good
     * story reaching the stream proves the consumer moved past the poison rather than around it.
     */
    private void poisonIsDeadLetteredAndTheNextStoryStillFlows(Topic<String, ?> poisoned, String deadLetters,
            String run) throws Exception {
        String topic = poisoned.name();
        String good = Stories.uri(run, 1);
        String poisonKey = Stories.uri(run, 0);
        byte[] malformed = "{\"uri\": \"urn:newsroom:e2e:not-json".getBytes(StandardCharsets.UTF_8);
        int partition = PipelineKafka.partitionOf(good, poisoned.partitions());
        try (StreamSubscriber subscriber = StreamSubscriber.connect(services.publish())) {
            // Given a malformed record on the story's partition
            Position poisonAt = kafka.produce(topic, partition, poisonKey, malformed);

            // When a good story is pushed after it
            pushAccepted(List.of(good));

            // Then the good story reaches the stream, after the poison on the same partition
            assertDeliveredExactlyOnce(subscriber, run, List.of(good));
            Position goodAt = positions(topic, List.of(good)).get(good);
            assertThat(goodAt.partition()).isEqualTo(poisonAt.partition());
            assertThat(goodAt.offset()).isGreaterThan(poisonAt.offset());

            // And the poison is in the topic's dead-letter topic, byte for byte, naming where it came from
            await().atMost(DELIVERY).ignoreExceptions()
                    .until(() -> deadLetter(deadLetters, poisonKey) != null);
            ConsumerRecord<String, byte[]> deadLetter = deadLetter(deadLetters, poisonKey);
            assertThat(deadLetter.value()).isEqualTo(malformed);
            assertThat(new String(deadLetter.headers().lastHeader("x-original-topic").value(), StandardCharsets.UTF_8))
                    .isEqualTo(topic);
        }
    }

    private static void pushAccepted(List<String> uris) {
        for (String uri : uris) {
            IngestClient.Answer answer = ingest.push(Stories.json(uri));
            assertThat(answer.status()).as("%s: %s", uri, answer.body()).isEqualTo(202);
        }
    }

    private static void assertRefusedForNow(PushLoad.Push push) {
        assertThat(push.status()).as("%s", push).isEqualTo(503);
        assertThat(push.answer().retryAfter()).as("Retry-After of %s", push).isNotBlank();
        assertThat(push.answer().contentType()).as("%s", push)
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    }

    /**
     * Waits until the subscriber got every uri and publish-service has been offered every enriched
     * record, so that a second delivery would have shown up, then checks that the run's uris were
     * delivered once each (stories the test did not count as accepted, e.g. answered 503, may appear
     * at most once too).
     */
    private static void assertDeliveredExactlyOnce(StreamSubscriber subscriber, String run, List<String> uris) {
        await().atMost(DELIVERY).until(() -> subscriber.receivedAll(uris));
        kafka.awaitCaughtUp(PipelineScenarios.PUBLISH_GROUP, Topics.ENRICHED.name(), DELIVERY);
        Map<String, Long> deliveries = subscriber.deliveriesByUri(Stories.prefix(run));
        assertThat(deliveries).containsKeys(uris.toArray(String[]::new));
        assertThat(deliveries).allSatisfy((uri, count) -> assertThat(count).as(uri).isEqualTo(1L));
    }

    /** Whether publish's committed offsets still lie at or before every one of these records. */
    private static boolean noneCommitted(Collection<Position> records) throws Exception {
        Map<TopicPartition, Long> committed = kafka.committedOffsets(PipelineScenarios.PUBLISH_GROUP);
        return records.stream().allMatch(record -> committed.getOrDefault(record.partition(), 0L) <= record.offset());
    }

    /** Where the record of each uri sits in the topic; fails if one is missing. */
    private static Map<String, Position> positions(String topic, List<String> uris) throws Exception {
        Map<String, Position> positions = kafka.positions(topic, uris);
        assertThat(positions).containsOnlyKeys(uris);
        return positions;
    }

    private static List<String> keysIn(String topic) throws Exception {
        return kafka.readAll(topic).stream().map(ConsumerRecord::key).toList();
    }

    private static ConsumerRecord<String, byte[]> deadLetter(String topic, String key) throws Exception {
        return kafka.readAll(topic).stream().filter(record -> key.equals(record.key())).findFirst().orElse(null);
    }

    /** Ends the load; if a failed step left the broker down, starts it so the next scenarios have one. */
    private static List<PushLoad.Push> finishAndRestartBrokerIfStopped(PushLoad load) {
        try {
            return load.finish(Duration.ofSeconds(60));
        }
        finally {
            if (!brokerUp) {
                broker = startBroker();
            }
        }
    }

    /** Starts the broker on its port and log folder: the first time, and again after {@link #stopBroker()}. */
    private static LocalKafkaBroker startBroker() {
        LocalKafkaBroker started = LocalKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
        brokerUp = true;
        return started;
    }

    private static void stopBroker() {
        brokerUp = false;
        broker.close();
    }

    private static Path mongoFile() {
        return dataDir.resolve("mongo").resolve("newsroom.mv");
    }
}
