package org.newsroom.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.enrich.related.ArchiveProperties;
import org.newsroom.enrich.related.LuceneArchive;
import org.newsroom.enrich.related.RelatedTestArchives;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import tools.jackson.databind.json.JsonMapper;

/**
 * The archive follower on a real broker: it builds the index from the whole article topic, is
 * ready only once it has read up to the end, and after a restart reads only what came after its
 * last commit. The broker, and so the topic, is shared by the tests; each has an index of its own.
 */
@EmbeddedKafka
class ArchiveFollowingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ArchiveProperties COMMIT_AT_CATCH_UP = new ArchiveProperties(null, Duration.ofHours(1), 1_000_000);

    @TempDir
    Path folder;

    private final EmbeddedKafkaBroker broker;
    private Producer<String, String> producer;
    private KafkaAdmin admin;
    private final AtomicInteger enrichmentStarts = new AtomicInteger();

    ArchiveFollowingTest(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.getBrokersAsString(), "acks", "all"),
                new StringSerializer(), new StringSerializer());
        admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        admin.createOrModifyTopics(Topics.ARTICLES.toNewTopic());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void buildsTheArchiveFromTheTopicAndAfterARestartReadsOnlyWhatIsNew() throws Exception {
        // Given three articles on the topic, and one record no archive can read
        for (int i = 0; i < 3; i++) {
            publish(article("urn:test:first-" + i));
        }
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), "urn:test:broken", "{not json")).get();

        // When the follower starts on an empty index
        try (LuceneArchive archive = RelatedTestArchives.onDisk(folder)) {
            FollowerReadiness readiness = new FollowerReadiness(enrichmentStarts::incrementAndGet);
            ArchiveFollowing following = following(archive, readiness);
            following.start();

            // Then it becomes ready with the whole topic indexed, and starts the enrichment once
            await().atMost(TIMEOUT).until(readiness::isCaughtUp);
            assertThat(archive.contains("urn:test:first-2")).isTrue();
            assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
            assertThat(enrichmentStarts).hasValue(1);
            following.stop();
        }

        // Given two more articles and a kill of an earlier one while it is stopped
        publish(article("urn:test:second-0"));
        publish(article("urn:test:second-1"));
        publish(killed("urn:test:first-0"));

        // When it starts again on the same folder
        try (LuceneArchive archive = RelatedTestArchives.onDisk(folder)) {
            FollowerReadiness readiness = new FollowerReadiness(enrichmentStarts::incrementAndGet);
            assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            ArchiveFollowing following = following(archive, readiness);
            following.start();

            // Then it reads only the three new records
            await().atMost(TIMEOUT).until(readiness::isCaughtUp);
            assertThat(readiness.health().getDetails()).containsEntry("indexedSinceStart", 3L);
            assertThat(archive.contains("urn:test:first-0")).isFalse();
            assertThat(archive.contains("urn:test:second-1")).isTrue();
            following.stop();
        }
    }

    @Test
    void isReadyWithoutARecordToReadWhenTheIndexCoversTheWholeTopic() throws Exception {
        publish(article("urn:test:only"));
        try (LuceneArchive archive = RelatedTestArchives.onDisk(folder)) {
            followUntilCaughtUp(archive);
        }

        try (LuceneArchive archive = RelatedTestArchives.onDisk(folder)) {
            FollowerReadiness readiness = followUntilCaughtUp(archive);

            assertThat(readiness.health().getDetails()).containsEntry("indexedSinceStart", 0L);
            assertThat(archive.contains("urn:test:only")).isTrue();
        }
    }

    @Test
    void rebuildsAnIndexLeftByAnotherTopicOfTheSameName() throws Exception {
        publish(article("urn:test:current"));
        try (LuceneArchive archive = RelatedTestArchives.onDisk(folder)) {
            archive.accept(article("urn:test:from-another-broker"));
            archive.commit(new ArchiveOffsets("another-topic-id",
                    Map.of(new TopicPartition(Topics.ARTICLES.name(), 0), 1_000_000L)).toCommitData());
        }

        try (LuceneArchive archive = RelatedTestArchives.onDisk(folder)) {
            followUntilCaughtUp(archive);

            assertThat(archive.contains("urn:test:from-another-broker")).isFalse();
            assertThat(archive.contains("urn:test:current")).isTrue();
        }
    }

    /** Follows the topic into the archive until caught up, then stops (committing), as a service run would. */
    private FollowerReadiness followUntilCaughtUp(LuceneArchive archive) {
        FollowerReadiness readiness = new FollowerReadiness(enrichmentStarts::incrementAndGet);
        ArchiveFollowing following = following(archive, readiness);
        following.start();
        await().atMost(TIMEOUT).until(readiness::isCaughtUp);
        following.stop();
        return readiness;
    }

    private ArchiveFollowing following(LuceneArchive archive, FollowerReadiness readiness) {
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        return new ArchiveFollowing(archive, consumers, admin, readiness, COMMIT_AT_CATCH_UP);
    }

    private void publish(ArticleEvent article) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.uri(), JSON.writeValueAsString(article))).get();
    }

    private static ArticleEvent article(String uri) {
        Instant created = Instant.parse("2026-03-01T08:00:00Z");
        return new ArticleEvent(1, "evt-" + uri, ArticleAction.PUBLISHED, uri, 1, "Talks in Geneva",
                "Talks between the delegations resumed in Geneva.", "Test Wire", "partner-1", "en", created, created,
                List.of());
    }

    private static ArticleEvent killed(String uri) {
        ArticleEvent article = article(uri);
        return new ArticleEvent(1, "evt-kill-" + uri, ArticleAction.KILLED, uri, 2, article.headline(), "",
                article.source(), article.partnerId(), article.language(), article.firstCreated(),
                article.receivedAt(), List.of());
    }
}
