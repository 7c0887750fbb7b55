package org.newsroom.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.newsroom.publish.EnrichedArticles.enriched;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityLink;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.ProblemType;
import org.newsroom.contract.PublishedArticleEvent;
import org.newsroom.contract.TextField;
import org.newsroom.contract.DeadLetterStage;
import org.newsroom.contract.Topics;
import org.jspecify.annotations.Nullable;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.messaging.UnreadableRecordException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service with an embedded Kafka broker, the real Kafka binder and MongoDB over TCP:
 * enriched records in, stored articles, article lists and live stream events out.
 */
class PublishServiceIntegrationTest extends PublishServiceTestBase {

    private static final String DLQ = Topics.ENRICHED.deadLetters("publish");

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

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
                    assertThat(published[0]).usingRecursiveComparison().ignoringFields("storedAt", "traceId")
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
                            .ignoringFields("storedAt", "traceId").isEqualTo(expectedView(v2));
                })
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(Mono.from(database.getCollection("stream_events").countDocuments(Filters.eq("articleId", id)))
                .block(TIMEOUT)).isEqualTo(2L);

        // And each change, and only a change, was answered with a receipt on the published topic
        await().atMost(TIMEOUT).until(() -> receipts(uri).size() >= 2);
        assertThat(receipts(uri)).extracting(receipt -> json.readValue(receipt.value(), PublishedArticleEvent.class))
                .extracting(PublishedArticleEvent::version, PublishedArticleEvent::action,
                        PublishedArticleEvent::articleId)
                .containsExactly(tuple(1L, ArticleAction.PUBLISHED, id), tuple(2L, ArticleAction.UPDATED, id));

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
                .jsonPath("$.entities[0].confidence").isEqualTo(0.99)
                .jsonPath("$.entities[1].confidence").isEmpty()
                .jsonPath("$.keywords[0]").isEqualTo("chancellor")
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

    @ParameterizedTest
    @ValueSource(strings = { "+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "yesterday" })
    void aSinceNoStoredDateCanBeComparedWithIsAProblemNamingIt(String since) {
        client().get().uri("/v1/stream?since={since}", since)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemType.INVALID_PARAMETER.uri().toString())
                .jsonPath("$.parameter").isEqualTo("since");
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
    void listsTheArticlesOfAnEntityPageByPageAndLeavesOutKilledOnes() {
        // Given two articles about an entity no other test mentions
        Entity lovelace = new Entity("Ada Lovelace", EntityType.PERSON,
                List.of(new Mention(TextField.HEADLINE, 0, 12, "Ada Lovelace")), 0.9, 0.98,
                new EntityLink("Q7259", "https://en.wikipedia.org/wiki/Ada_Lovelace"));
        List<String> uris = Stream.of("urn:newsroom:it:lovelace-1", "urn:newsroom:it:lovelace-2")
                .sorted(Comparator.comparing(ArticleIds::fromUri, Comparator.reverseOrder()))
                .toList();
        uris.forEach(uri -> produce(0, enriched(uri, 1, ArticleAction.PUBLISHED, uri, "en", List.of(lovelace))));
        await().atMost(TIMEOUT).untilAsserted(() -> client().get().uri("/v1/articles?entity=q7259").exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(2));

        // When the entity page is read one article at a time, then each comes once, newest first
        byte[] first = client().get().uri("/v1/entities/{entity}/articles?limit=1", "Ada Lovelace").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].uri").isEqualTo(uris.get(0))
                .jsonPath("$.items[0].entities[0].link.wikidataId").isEqualTo("Q7259")
                .returnResult().getResponseBody();
        String next = json.readTree(first).get("next").asString();
        client().get().uri("/v1/entities/{entity}/articles?limit=1&before={before}", "Q7259", next).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].uri").isEqualTo(uris.get(1))
                .jsonPath("$.next").isEmpty();

        // When the newer one is killed, then it is listed no more
        produce(0, enriched(uris.get(0), 2, ArticleAction.KILLED, uris.get(0), "en", List.of(lovelace)));
        await().atMost(TIMEOUT).untilAsserted(() -> client().get().uri("/v1/articles?entity=Q7259&lang=EN").exchange()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].uri").isEqualTo(uris.get(1)));
    }

    @Test
    void aBadListParameterIsAProblemNamingIt() {
        Map<String, String> badQueries = Map.of(
                "limit=0", "limit", "limit=101", "limit", "limit=ten", "limit", "before=not-a-cursor", "before",
                "type=planet", "type");
        badQueries.forEach((query, parameter) -> client().get().uri("/v1/articles?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.parameter").isEqualTo(parameter));
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
            List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();
            await().atMost(TIMEOUT).until(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(1)).forEach(deadLetters::add);
                return deadLetters.stream().anyMatch(record -> uri.equals(record.key()));
            });
            ConsumerRecord<String, String> dead = deadLetters.stream().filter(record -> uri.equals(record.key()))
                    .findFirst().orElseThrow();
            assertThat(deadLetters).filteredOn(record -> uri.equals(record.key())).hasSize(1);
            assertThat(dead.value()).isEqualTo("{\"schemaVersion\": 1, \"article\": ");
            assertThat(new String(dead.headers().lastHeader(DeadLetterStage.HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("publish");
            assertThat(new String(dead.headers().lastHeader("x-original-topic").value(), StandardCharsets.UTF_8))
                    .isEqualTo(Topics.ENRICHED.name());
            assertThat(new String(dead.headers().lastHeader("x-exception-stacktrace").value(), StandardCharsets.UTF_8))
                    .contains(UnreadableRecordException.class.getName(), "is not an enriched article");
        }
    }

    @Test
    void aRecordThatCannotBeReadAmongGoodOnesIsDeadLetteredAloneAndTheOthersAreStored() {
        // Given a good record, an unreadable one and another good one, sent together to one partition
        String before = "urn:newsroom:it:batch-before";
        String after = "urn:newsroom:it:batch-after";
        String poison = "urn:newsroom:it:batch-poison";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), 4, before,
                    json.writeValueAsString(enriched(before, 1, ArticleAction.PUBLISHED, "Before"))));
            producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), 4, poison, "not json"));
            producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), 4, after,
                    json.writeValueAsString(enriched(after, 1, ArticleAction.PUBLISHED, "After"))));
        }

        // Then both good ones are stored, each answered with one receipt
        for (String uri : List.of(before, after)) {
            await().atMost(TIMEOUT).untilAsserted(() -> client().get().uri("/v1/articles/{id}", ArticleIds.fromUri(uri))
                    .exchange().expectStatus().isOk());
        }
        await().atMost(TIMEOUT).until(() -> receipts(after).size() == 1);
        assertThat(receipts(before)).hasSize(1);

        // And only the unreadable one is on the dead-letter topic
        try (Consumer<String, String> consumer = new KafkaConsumer<>(
                KafkaTestUtils.consumerProps(broker, "publish-it-batch-dlq-" + UUID.randomUUID(), false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DLQ));
            List<String> dead = new ArrayList<>();
            await().atMost(TIMEOUT).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(1)).forEach(record -> dead.add(record.key()));
                assertThat(dead).contains(poison);
            });
            assertThat(dead).doesNotContain(before, after);
        }
    }

    @Test
    void carriesTheTraceOfTheRecordToTheStreamEventAndMeasuresTheDelivery() {
        // Given a subscriber on the live stream
        String uri = "urn:newsroom:it:traced";
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        EnrichedArticleEvent event = enriched(uri, 1, ArticleAction.PUBLISHED, "Merkel visits Hamburg");
        Flux<ServerSentEvent<String>> stream = client().get().uri("/v1/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .returnResult(SSE)
                .getResponseBody();

        StepVerifier.create(stream)
                .assertNext(sse -> assertThat(sse.comment()).isEqualTo("heartbeat"))
                // When a record comes with the W3C trace context of the partner's push
                .then(() -> {
                    ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ENRICHED.name(), uri,
                            json.writeValueAsString(event));
                    record.headers().add("traceparent",
                            ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.US_ASCII));
                    send(record);
                })
                // Then the stream event carries that trace id
                .assertNext(sse -> assertThat(json.readValue(sse.data(), ArticleView.class).traceId())
                        .isEqualTo(traceId))
                .thenCancel()
                .verify(TIMEOUT);

        // And Prometheus sees the live delivery and the subscribers gauge
        client().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .containsPattern("(?m)^newsroom_delivery_latency_seconds_count(\\{[^}]*\\})? [1-9]")
                        .containsPattern("(?m)^newsroom_stream_subscribers(\\{[^}]*\\})? "));
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

    private static ArticleView expectedView(EnrichedArticleEvent event) {
        var article = event.article();
        var enrichment = event.enrichment();
        return new ArticleView(ArticleIds.fromUri(article.uri()), article.uri(), article.version(), article.action(),
                article.headline(), article.body(), article.source(), article.language(), article.firstCreated(),
                article.receivedAt(), enrichment.entities(), enrichment.related(), enrichment.keywords(), null,
                enrichment.enrichmentVersion(), enrichment.enrichedAt(), enrichment.enrichedAt(), false, null);
    }
}
