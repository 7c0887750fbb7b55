package org.newsroom.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsroom.publish.EnrichedArticles.enriched;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Topics;
import org.jspecify.annotations.Nullable;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.stream.ConnectionLimiter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service with an embedded Kafka broker, the real Kafka binder and MongoDB over TCP:
 * enriched records in, stored articles and live stream events out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "newsroom.publish.heartbeat-interval=1h", "logging.level.org.apache.kafka=warn",
                "management.endpoint.health.show-components=always",
                "newsroom.publish.stream.max-connections-per-client=3", "newsroom.publish.stream.poll-interval=100ms",
                "logging.level.kafka=warn", "logging.level.state.change.logger=warn" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PublishServiceIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final String DLQ = "newsroom.enriched.v1.publish-dlq";

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("publish-it"));
    }

    @LocalServerPort
    private int port;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private JsonMapper json;

    @Autowired
    private MongoDatabase database;

    @Autowired
    private ConnectionLimiter limiter;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(TIMEOUT).build();
    }

    @Test
    void streamsEachStoredChangeOnceAndServesTheStoredArticle() throws Exception {
        // Given a subscriber on the live stream
        String uri = "urn:newsroom:it:merkel-berlin";
        String id = ArticleIds.fromUri(uri);
        EnrichedArticleEvent v1 = enriched(uri, 1, ArticleAction.PUBLISHED, "Merkel visits Berlin");
        EnrichedArticleEvent v2 = enriched(uri, 2, ArticleAction.UPDATED, "Merkel visits Bonn");
        Flux<ServerSentEvent<String>> stream = client().get().uri("/v1/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(SSE)
                .getResponseBody();
        ArticleView[] published = new ArticleView[1];

        StepVerifier.create(stream)
                .assertNext(sse -> assertThat(sse.comment()).isEqualTo("heartbeat"))
                // When version 1 is produced
                .then(() -> produce(v1))
                // Then
                .assertNext(sse -> {
                    assertThat(sse.event()).isEqualTo("published");
                    assertThat(sse.id()).isNotBlank();
                    published[0] = json.readValue(sse.data(), ArticleView.class);
                    assertThat(published[0]).usingRecursiveComparison().ignoringFields("storedAt")
                            .isEqualTo(expectedView(v1));
                    assertThat(published[0].storedAt()).isNotNull();
                })
                // When the same record comes again, then version 2 on the same partition
                .then(() -> {
                    produce(v1);
                    produce(v2);
                })
                // Then the next event is version 2: the duplicate made none
                .assertNext(sse -> {
                    assertThat(sse.event()).isEqualTo("updated");
                    assertThat(json.readValue(sse.data(), ArticleView.class)).usingRecursiveComparison()
                            .ignoringFields("storedAt").isEqualTo(expectedView(v2));
                })
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(Mono.from(database.getCollection("stream_events").countDocuments(Filters.eq("articleId", id)))
                .block(TIMEOUT)).isEqualTo(2L);

        // When the article is read
        client().get().uri("/v1/articles/{id}", id).exchange()
                // Then it is version 2, in the view's JSON shape
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.uri").isEqualTo(uri)
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.action").isEqualTo("UPDATED")
                .jsonPath("$.headline").isEqualTo("Merkel visits Bonn")
                .jsonPath("$.firstCreated").isEqualTo("2025-03-01T08:00:00.123Z")
                .jsonPath("$.entities[0].name").isEqualTo("Angela Merkel")
                .jsonPath("$.entities[0].mentions[0].field").isEqualTo("BODY")
                .jsonPath("$.entities[0].link.wikidataId").isEqualTo("Q567")
                .jsonPath("$.entities[1].link").isEmpty()
                .jsonPath("$.related[0].uri").isEqualTo("urn:newsroom:earlier")
                .jsonPath("$.enrichmentVersion").isEqualTo("corenlp-4.5.10/conll.4class")
                .jsonPath("$.storedAt").isNotEmpty()
                .jsonPath("$.partnerId").doesNotExist();
    }

    @Test
    void resumesExactlyOnAnotherInstanceAfterARestart() {
        // Given a second instance, and a subscriber on it that saw one event and disconnected
        String a = "urn:newsroom:it:restart-a";
        String b = "urn:newsroom:it:restart-b";
        String[] cursor = new String[1];
        try (ConfigurableApplicationContext first = startInstance()) {
            StepVerifier.create(stream(first, null))
                    .assertNext(sse -> assertThat(sse.comment()).isEqualTo("heartbeat"))
                    .then(() -> produce(0, enriched(a, 1, ArticleAction.PUBLISHED, "A1")))
                    .assertNext(sse -> {
                        assertThat(json.readValue(sse.data(), ArticleView.class).headline()).isEqualTo("A1");
                        cursor[0] = sse.id();
                    })
                    .thenCancel()
                    .verify(TIMEOUT);
        }

        // When events are stored on two partitions while that instance is down
        produce(0, enriched(a, 2, ArticleAction.UPDATED, "A2"));
        produce(1, enriched(b, 1, ArticleAction.PUBLISHED, "B1"));

        // Then the restarted instance sends exactly those after the cursor, then live ones
        List<ServerSentEvent<String>> resumed = new ArrayList<>();
        try (ConfigurableApplicationContext second = startInstance()) {
            StepVerifier.create(stream(second, cursor[0]))
                    .assertNext(sse -> assertThat(sse.id()).isEqualTo(cursor[0]))
                    .assertNext(resumed::add)
                    .assertNext(resumed::add)
                    .then(() -> produce(0, enriched(a, 3, ArticleAction.CORRECTED, "A3")))
                    .assertNext(sse -> {
                        assertThat(sse.event()).isEqualTo("corrected");
                        assertThat(json.readValue(sse.data(), ArticleView.class).headline()).isEqualTo("A3");
                    })
                    .thenCancel()
                    .verify(TIMEOUT);
        }
        assertThat(resumed).extracting(sse -> sse.event() + " " + json.readValue(sse.data(), ArticleView.class)
                .headline()).containsExactlyInAnyOrder("updated A2", "published B1");
    }

    @Test
    void aMalformedCursorIsAProblemNamingIt() {
        client().get().uri("/v1/stream?cursor={cursor}", "not-a-cursor")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.parameter").isEqualTo("cursor");
    }

    @Test
    void streamsNdjsonLinesWithEventCursorAndData() {
        String uri = "urn:newsroom:it:ndjson";
        Flux<String> lines = client().get().uri("/v1/stream")
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .returnResult(String.class)
                .getResponseBody();

        StepVerifier.create(lines)
                .assertNext(line -> {
                    var heartbeat = json.readTree(line);
                    assertThat(heartbeat.get("event").asString()).isEqualTo("heartbeat");
                    assertThat(heartbeat.get("cursor").asString()).isNotBlank();
                })
                .then(() -> produce(enriched(uri, 1, ArticleAction.PUBLISHED, "NDJSON")))
                .assertNext(line -> {
                    var event = json.readTree(line);
                    assertThat(event.get("event").asString()).isEqualTo("published");
                    assertThat(event.get("cursor").asString()).isNotBlank();
                    assertThat(event.get("data").get("uri").asString()).isEqualTo(uri);
                })
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void refusesAClientOverItsConnectionCapWithRetryAfter() {
        // Given the client holds its three streams
        await().atMost(TIMEOUT).until(() -> limiter.openConnections() == 0);
        List<Disposable> open = new ArrayList<>();
        for (int stream = 0; stream < 3; stream++) {
            open.add(client().get().uri("/v1/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                    .returnResult(SSE).getResponseBody().subscribe());
        }
        await().atMost(TIMEOUT).until(() -> limiter.openConnections() == 3);
        try {
            // When it opens a fourth, then it is told to retry later
            client().get().uri("/v1/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.title").isEqualTo("Too many streams from this client");
        }
        finally {
            open.forEach(Disposable::dispose);
        }
    }

    private ConfigurableApplicationContext startInstance() {
        return new SpringApplicationBuilder(PublishApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.mongodb.uri=" + TestMongo.uri("publish-it"),
                "--newsroom.publish.heartbeat-interval=1h", "--newsroom.publish.stream.poll-interval=100ms",
                "--logging.level.org.apache.kafka=warn");
    }

    private static Flux<ServerSentEvent<String>> stream(ConfigurableApplicationContext instance,
            @Nullable String lastEventId) {
        String port = instance.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(TIMEOUT).build()
                .get().uri("/v1/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .returnResult(SSE)
                .getResponseBody();
    }

    @Test
    void anUnknownArticleIsAProblemNamingTheId() {
        client().get().uri("/v1/articles/{id}", "no-such-article").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Article not found")
                .jsonPath("$.detail").isEqualTo("No article with id 'no-such-article'.")
                .jsonPath("$.id").isEqualTo("no-such-article");
    }

    @Test
    void deadLettersARecordThatCannotBeRead() {
        // When a record that is not an enriched article arrives
        String uri = "urn:newsroom:it:unreadable";
        produce(uri, "{\"schemaVersion\": 1, \"article\": ");

        // Then after the retries it is on the dead-letter topic, unchanged
        try (Consumer<String, String> consumer = new KafkaConsumer<>(
                KafkaTestUtils.consumerProps(broker, "publish-it-dlq-reader", false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DLQ));
            ConsumerRecord<String, String> dead = KafkaTestUtils.getSingleRecord(consumer, DLQ, TIMEOUT);
            assertThat(dead.key()).isEqualTo(uri);
            assertThat(dead.value()).isEqualTo("{\"schemaVersion\": 1, \"article\": ");
        }
    }

    @Test
    void isHealthyWithKafkaAndMongo() {
        client().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.binders.status").isEqualTo("UP");
    }

    /** Sends the event as plain JSON with the uri as key and no type headers, as enrich-service does. */
    private void produce(EnrichedArticleEvent event) {
        produce(event.article().uri(), json.writeValueAsString(event));
    }

    /** Sends the event to the given partition; each test keeps one article on one partition. */
    private void produce(int partition, EnrichedArticleEvent event) {
        send(new ProducerRecord<>(Topics.ENRICHED.name(), partition, event.article().uri(),
                json.writeValueAsString(event)));
    }

    private void produce(String key, String value) {
        send(new ProducerRecord<>(Topics.ENRICHED.name(), key, value));
    }

    private void send(ProducerRecord<String, String> record) {
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

    private static ArticleView expectedView(EnrichedArticleEvent event) {
        var article = event.article();
        var enrichment = event.enrichment();
        return new ArticleView(ArticleIds.fromUri(article.uri()), article.uri(), article.version(), article.action(),
                article.headline(), article.body(), article.source(), article.language(), article.firstCreated(),
                article.receivedAt(), enrichment.entities(), enrichment.related(), enrichment.enrichmentVersion(),
                enrichment.enrichedAt(), enrichment.enrichedAt(), false);
    }
}
