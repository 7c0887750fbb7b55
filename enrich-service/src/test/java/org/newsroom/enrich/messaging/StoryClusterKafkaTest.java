package org.newsroom.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.StoryCluster;
import org.newsroom.contract.Topics;
import org.newsroom.enrich.EnrichApplication;
import org.newsroom.enrich.SampleArticles;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Story clusters through the real binder on a real (embedded) broker, across a restart and across
 * instances: one instance enriches the sample story and stops; a second instance, with an archive
 * folder of its own, starts, reads the enriched topic back, and puts another partner's rewrite of
 * the story into the sample's cluster, which is then a cluster of two led by the sample.
 */
@EmbeddedKafka
class StoryClusterKafkaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant MORNING = Instant.parse("2026-05-04T08:00:00Z");

    @TempDir
    Path folder;

    private final EmbeddedKafkaBroker broker;
    private Producer<String, String> producer;
    private Consumer<String, String> consumer;
    private final List<EnrichedArticleEvent> received = new ArrayList<>();

    StoryClusterKafkaTest(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.getBrokersAsString(), "acks", "all"),
                new StringSerializer(), new StringSerializer());
        Map<String, Object> consumerProps = KafkaTestUtils.consumerProps(broker.getBrokersAsString(),
                "test-" + UUID.randomUUID(), false);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.ENRICHED.name()));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        consumer.close();
    }

    @Test
    void aRewriteEnrichedByAnotherInstanceAfterARestartJoinsTheSampleStorysCluster() throws Exception {
        String storyUri = "urn:newsroom:sample:partner-story-deepmind-a24-" + UUID.randomUUID();
        String rewriteUri = "urn:metro:a24-deepmind-" + UUID.randomUUID();
        String storyId = ArticleIds.fromUri(storyUri);

        StoryCluster alone;
        try (ConfigurableApplicationContext first = start("first")) {
            publish(SampleArticles.article(SampleArticles.STORY, storyUri, "yahoo-feed", MORNING, 1));
            alone = awaitEnriched(storyUri).enrichment().cluster();
        }
        StoryCluster joined;
        try (ConfigurableApplicationContext second = start("second")) {
            publish(SampleArticles.article(SampleArticles.REWRITE, rewriteUri, "metro-post", MORNING.plusSeconds(5400), 1));
            joined = awaitEnriched(rewriteUri).enrichment().cluster();
        }

        assertThat(alone).isEqualTo(new StoryCluster("c-" + storyId, storyId, 1, 1, alone.reason()));
        assertThat(joined.id()).isEqualTo(alone.id());
        assertThat(joined.leadId()).isEqualTo(storyId);
        assertThat(joined.size()).isEqualTo(2);
        assertThat(joined.reason()).startsWith("same event: ").contains("A24", "Google DeepMind");
    }

    private ConfigurableApplicationContext start(String instance) {
        // As command-line arguments, which win over application.yml.
        return SpringApplication.run(EnrichApplication.class,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--server.port=0",
                "--newsroom.enrich.archive.directory=" + folder.resolve(instance),
                "--spring.cloud.stream.bindings.enrichArticle-in-0.consumer.concurrency=1");
    }

    private void publish(ArticleEvent article) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.uri(), JSON.writeValueAsString(article))).get();
    }

    private EnrichedArticleEvent awaitEnriched(String uri) {
        return await().atMost(TIMEOUT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record ->
                    received.add(JSON.readValue(record.value(), EnrichedArticleEvent.class)));
            return received.stream().filter(event -> event.article().uri().equals(uri)).findFirst().orElse(null);
        }, event -> event != null);
    }
}
