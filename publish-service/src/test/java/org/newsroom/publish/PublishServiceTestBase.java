package org.newsroom.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.publish.stream.ConnectionLimiter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service with an embedded Kafka broker, the real Kafka binder and MongoDB over TCP.
 * Every test class that needs the running service extends this one, so that they share one cached
 * application context and so one broker per test JVM.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "newsroom.publish.heartbeat-interval=1h", "logging.level.org.apache.kafka=warn",
                "management.endpoint.health.show-components=always",
                "newsroom.publish.stream.max-connections-per-client=3", "newsroom.publish.stream.poll-interval=100ms",
                "logging.level.kafka=warn", "logging.level.state.change.logger=warn",
                "logging.level.org.openqa.selenium.devtools=error" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class PublishServiceTestBase {

    protected static final Duration TIMEOUT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("publish-it"));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected MongoDatabase database;

    @Autowired
    protected ConnectionLimiter limiter;

    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(TIMEOUT).build();
    }

    /** Sends the event as plain JSON with the uri as key and no type headers, as enrich-service does. */
    protected void produce(EnrichedArticleEvent event) {
        produce(event.article().uri(), json.writeValueAsString(event));
    }

    /** Sends the event to the given partition; each test keeps one article on one partition. */
    protected void produce(int partition, EnrichedArticleEvent event) {
        send(new ProducerRecord<>(Topics.ENRICHED.name(), partition, event.article().uri(),
                json.writeValueAsString(event)));
    }

    protected void produce(String key, String value) {
        send(new ProducerRecord<>(Topics.ENRICHED.name(), key, value));
    }

    protected void send(ProducerRecord<String, String> record) {
        String key = record.key();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(TIMEOUT.toSeconds(),
                    TimeUnit.SECONDS);
        }
        catch (Exception e) {
            throw new AssertionError("Could not produce the record of " + key, e);
        }
    }

    /** Every receipt on the published topic keyed by the given uri, in order. */
    protected List<ConsumerRecord<String, String>> receipts(String uri) {
        try (Consumer<String, String> consumer = new KafkaConsumer<>(
                KafkaTestUtils.consumerProps(broker, "publish-it-receipts-" + UUID.randomUUID(), false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PUBLISHED.name()));
            List<ConsumerRecord<String, String>> receipts = new ArrayList<>();
            KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(5)).forEach(record -> {
                if (uri.equals(record.key())) {
                    receipts.add(record);
                }
            });
            return receipts;
        }
    }
}
