package org.newsroom.publish.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsroom.publish.EnrichedArticles.DEEPMIND;
import static org.newsroom.publish.EnrichedArticles.FIRST_CREATED;
import static org.newsroom.publish.EnrichedArticles.MERKEL_IN_BERLIN;
import static org.newsroom.publish.EnrichedArticles.enriched;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.publish.PublishProperties;
import org.newsroom.publish.TestMongo;
import org.newsroom.publish.article.ArticleStore;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.cluster.ClusterStore;
import org.newsroom.publish.intake.ArticleIntake;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The stream of one subscriber against the shared log in MongoDB over TCP, fed through the intake
 * as the Kafka consumer feeds it: resume, reset, filters, kills and the bounds of a connection.
 */
class LiveStreamTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    private static MongoClient client;

    private static MongoDatabase database;

    private StreamEventLog log;

    private LiveStreamHub hub;

    private LiveStream liveStream;

    private SimpleMeterRegistry meters;

    private ArticleIntake intake;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri("live-stream-test"));
        database = client.getDatabase("live-stream-test");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private void start(PublishProperties properties) {
        Mono.from(database.drop()).block(TIMEOUT);
        log = new StreamEventLog(database);
        log.afterPropertiesSet();
        hub = new LiveStreamHub(log, properties);
        hub.start();
        meters = new SimpleMeterRegistry();
        liveStream = new LiveStream(hub, log, properties,
                new StreamMetrics(meters, new ConnectionLimiter(properties), Clock.fixed(NOW, ZoneOffset.UTC)));
        intake = new ArticleIntake(new ArticleStore(database), new ClusterStore(database), log, hub,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static PublishProperties properties() {
        return properties(64, Duration.ofMinutes(30));
    }

    /** Polls often, so that tests do not wait; batches of three, so that catch-up takes several reads. */
    private static PublishProperties properties(int bufferSize, Duration lifetime) {
        PublishProperties defaults = PublishProperties.of(Duration.ofHours(1), Duration.ofSeconds(10), bufferSize);
        PublishProperties.Stream stream = defaults.stream();
        return defaults.withStream(new PublishProperties.Stream(Duration.ofMillis(50), 3, lifetime,
                stream.maxConnections(), stream.maxConnectionsPerClient(), stream.retryAfter()));
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.stop();
        }
    }

    @Test
    void aCursorAtTheLargestOffsetReadsNothingInsteadOfWrapping() {
        start(properties());
        store("urn:a", 1, ArticleAction.PUBLISHED, "A1", 0, 10);
        StreamCursor farAhead = StreamCursor.of(Map.of(0, Long.MAX_VALUE));

        StreamEventLog.LogPage page = log.readAfter(farAhead, 100).block(TIMEOUT);

        assertThat(page.events()).isEmpty();
        assertThat(page.complete()).isTrue();
        assertThat(page.scannedThrough()).isEqualTo(farAhead);
    }

    @Test
    void aResumedStreamGetsExactlyTheEventsMissedOnEveryPartitionThenLiveOnes() {
        // Given a subscriber that saw the first event and disconnected
        start(properties());
        String[] cursor = new String[1];
        StepVerifier.create(liveStream.open(StreamStart.NOW, StreamFilter.NONE))
                .assertNext(heartbeat -> assertThat(heartbeat.event()).isEqualTo("heartbeat"))
                .then(() -> store("urn:a", 1, ArticleAction.PUBLISHED, "A1", 0, 10))
                .assertNext(message -> {
                    assertThat(message.event()).isEqualTo("published");
                    assertThat(headline(message)).isEqualTo("A1");
                    cursor[0] = message.cursor();
                })
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(StreamCursor.decode(cursor[0]).offsets()).isEqualTo(Map.of(0, 10L));

        // When events are stored on two partitions while it is away, and it resumes
        store("urn:a", 2, ArticleAction.UPDATED, "A2", 0, 11);
        store("urn:b", 1, ArticleAction.PUBLISHED, "B1", 3, 7);
        store("urn:b", 2, ArticleAction.CORRECTED, "B2", 3, 8);

        // Then it gets exactly those, in order per partition, then live events, nothing twice
        StepVerifier.create(liveStream.open(StreamStart.after(StreamCursor.decode(cursor[0])), StreamFilter.NONE))
                .assertNext(heartbeat -> assertThat(heartbeat.cursor()).isEqualTo(cursor[0]))
                .assertNext(message -> assertEvent(message, "updated", "A2", Map.of(0, 11L)))
                .assertNext(message -> assertEvent(message, "published", "B1", Map.of(0, 11L, 3, 7L)))
                .assertNext(message -> assertEvent(message, "corrected", "B2", Map.of(0, 11L, 3, 8L)))
                .then(() -> store("urn:a", 3, ArticleAction.UPDATED, "A3", 0, 12))
                .assertNext(message -> assertEvent(message, "updated", "A3", Map.of(0, 12L, 3, 8L)))
                .then(() -> store("urn:b", 3, ArticleAction.UPDATED, "B3", 3, 9))
                .assertNext(message -> assertEvent(message, "updated", "B3", Map.of(0, 12L, 3, 9L)))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(hub.subscriberCount()).isZero();
    }

    @Test
    void aNewSubscriberGetsOnlyNewEventsAndSinceReplaysFromAnInstant() {
        // Given an event stored before the subscriber came
        start(properties());
        store("urn:a", 1, ArticleAction.PUBLISHED, "old", 0, 1);

        // When / Then: without a cursor, only the new one
        StepVerifier.create(liveStream.open(StreamStart.NOW, StreamFilter.NONE))
                .assertNext(heartbeat -> assertThat(StreamCursor.decode(heartbeat.cursor()).offsets())
                        .isEqualTo(Map.of(0, 1L)))
                .then(() -> store("urn:b", 1, ArticleAction.PUBLISHED, "new", 1, 1))
                .assertNext(message -> assertEvent(message, "published", "new", Map.of(0, 1L, 1, 1L)))
                .thenCancel()
                .verify(TIMEOUT);

        // And since an instant before both, both
        StepVerifier.create(liveStream.open(StreamStart.since(NOW.minusSeconds(1)), StreamFilter.NONE))
                .assertNext(heartbeat -> assertThat(heartbeat.cursor()).isEqualTo(StreamCursor.ORIGIN.encode()))
                .assertNext(message -> assertThat(headline(message)).isEqualTo("old"))
                .assertNext(message -> assertThat(headline(message)).isEqualTo("new"))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void measuresTheDeliveryLatencyOfLiveEventsButNotOfTheCatchUp() {
        // Given an event stored before the subscriber came (ingest accepted version v at 08:0v)
        start(properties());
        store("urn:a", 1, ArticleAction.PUBLISHED, "old", 0, 1);

        // When the subscriber catches up on it, then gets a live event of version 2 at 09:00
        StepVerifier.create(liveStream.open(StreamStart.since(NOW.minusSeconds(1)), StreamFilter.NONE))
                .assertNext(heartbeat -> assertThat(heartbeat.event()).isEqualTo("heartbeat"))
                .assertNext(message -> assertThat(headline(message)).isEqualTo("old"))
                .then(() -> store("urn:b", 2, ArticleAction.PUBLISHED, "new", 1, 1))
                .assertNext(message -> assertThat(headline(message)).isEqualTo("new"))
                .thenCancel()
                .verify(TIMEOUT);

        // Then only the live one was measured, with its push-to-delivery time
        Timer latency = meters.get(StreamMetrics.DELIVERY_LATENCY).timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(Duration.between(FIRST_CREATED.plusSeconds(2 * 60), NOW).toMillis());
    }

    @Test
    void aCursorOlderThanTheLogGetsAResetAndContinuesFromTheHead() {
        // Given three events of which retention keeps one
        start(properties());
        store("urn:a", 1, ArticleAction.PUBLISHED, "A1", 0, 1);
        store("urn:a", 2, ArticleAction.UPDATED, "A2", 0, 2);
        store("urn:a", 3, ArticleAction.UPDATED, "A3", 0, 3);
        assertThat(log.trim(1, NOW.minusSeconds(3600)).block(TIMEOUT)).isEqualTo(2L);
        StreamCursor afterFirst = StreamCursor.ORIGIN.advance(new SourcePosition(0, 1));

        // When a client resumes after the first event
        StepVerifier.create(liveStream.open(StreamStart.after(afterFirst), StreamFilter.NONE))
                .assertNext(heartbeat -> assertThat(heartbeat.cursor()).isEqualTo(afterFirst.encode()))
                // Then it is told to refetch, and continues from the head
                .assertNext(reset -> {
                    assertThat(reset.event()).isEqualTo("reset");
                    assertThat(reset.data()).isEqualTo(new StreamMessage.Reset("cursor-expired", "/v1/articles"));
                    assertThat(StreamCursor.decode(reset.cursor()).offsets()).isEqualTo(Map.of(0, 3L));
                })
                .then(() -> store("urn:a", 4, ArticleAction.UPDATED, "A4", 0, 4))
                .assertNext(message -> assertEvent(message, "updated", "A4", Map.of(0, 4L)))
                .thenCancel()
                .verify(TIMEOUT);

        // And a cursor at the trim is not reset
        StepVerifier.create(liveStream.open(StreamStart.after(StreamCursor.ORIGIN.advance(new SourcePosition(0, 2))),
                        StreamFilter.NONE))
                .expectNextCount(1)
                .assertNext(message -> assertEvent(message, "updated", "A3", Map.of(0, 3L)))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void filtersCatchUpAndLiveEventsButNeverAKill() {
        // Given articles in two languages about different entities, stored before the subscribers came
        start(properties());
        store(enriched("urn:merkel", 1, ArticleAction.PUBLISHED, "Merkel", "en", MERKEL_IN_BERLIN), 0, 1);
        store(enriched("urn:deepmind", 1, ArticleAction.PUBLISHED, "DeepMind", "de", DEEPMIND), 1, 1);
        var byQid = headlines(StreamFilter.of(List.of("Q567"), List.of(), List.of()));
        var byName = headlines(StreamFilter.of(List.of("google deepmind", "nobody"), List.of(), List.of()));
        var byLanguage = headlines(StreamFilter.of(List.of(), List.of("DE"), List.of()));
        var byType = headlines(StreamFilter.of(List.of(), List.of(), List.of("person")));
        var byNameAndLanguage = headlines(StreamFilter.of(List.of("Angela Merkel"), List.of("de"), List.of()));

        // When both are updated live and a third article is killed
        store(enriched("urn:merkel", 2, ArticleAction.UPDATED, "Merkel 2", "en", MERKEL_IN_BERLIN), 0, 2);
        store(enriched("urn:deepmind", 2, ArticleAction.UPDATED, "DeepMind 2", "de", DEEPMIND), 1, 2);
        store(enriched("urn:other", 1, ArticleAction.KILLED, "Other", "fr", DEEPMIND), 2, 1);

        // Then each subscriber got what its filter selects, from catch-up and live, and the kill
        assertThat(byQid.block(TIMEOUT)).containsExactly("Merkel", "Merkel 2", "killed");
        assertThat(byName.block(TIMEOUT)).containsExactly("DeepMind", "DeepMind 2", "killed");
        assertThat(byLanguage.block(TIMEOUT)).containsExactly("DeepMind", "DeepMind 2", "killed");
        assertThat(byType.block(TIMEOUT)).containsExactly("Merkel", "Merkel 2", "killed");
        assertThat(byNameAndLanguage.block(TIMEOUT)).containsExactly("killed");
    }

    /** Subscribes at once from the origin; completes with the headlines up to the first kill. */
    private Mono<List<String>> headlines(StreamFilter filter) {
        Mono<List<String>> headlines = liveStream.open(StreamStart.after(StreamCursor.ORIGIN), filter)
                .filter(message -> !message.event().equals("heartbeat"))
                .takeUntil(message -> message.event().equals("killed"))
                .map(message -> message.event().equals("killed") ? "killed" : headline(message))
                .collectList()
                .cache();
        headlines.subscribe();
        return headlines;
    }

    @Test
    void aKillIsSentAsIdAndUriOnlyToFilteredSubscribersToo() {
        // Given a subscriber filtered on an entity the article mentions
        start(properties());
        String uri = "urn:merkel";
        StepVerifier.create(liveStream.open(StreamStart.NOW, StreamFilter.of(List.of("q567"), List.of(), List.of())))
                .expectNextCount(1)
                .then(() -> store("urn:merkel", 1, ArticleAction.PUBLISHED, "Merkel", 0, 1))
                .assertNext(message -> assertThat(message.event()).isEqualTo("published"))
                // When the article is killed
                .then(() -> store("urn:merkel", 2, ArticleAction.KILLED, "Merkel", 0, 2))
                // Then
                .assertNext(message -> {
                    assertThat(message.event()).isEqualTo("killed");
                    assertThat(message.data()).isEqualTo(new StreamMessage.Killed(ArticleIds.fromUri(uri), uri));
                })
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void endsEveryConnectionWithItsResumeCursorWhenTheInstanceStops() {
        // Given a subscriber that got one live event
        start(properties());
        StreamCursor[] cursor = new StreamCursor[1];
        StepVerifier.create(liveStream.open(StreamStart.NOW, StreamFilter.NONE))
                .assertNext(heartbeat -> assertThat(heartbeat.event()).isEqualTo("heartbeat"))
                .then(() -> store("urn:a", 1, ArticleAction.PUBLISHED, "A1", 0, 5))
                .assertNext(message -> cursor[0] = StreamCursor.decode(message.cursor()))
                // When the instance stops
                .then(hub::stop)
                // Then the stream ends with the cursor to resume from elsewhere, and completes
                .assertNext(end -> assertThat(end.data())
                        .isEqualTo(new StreamMessage.End("shutdown", cursor[0].encode())))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(hub.subscriberCount()).isZero();
    }

    @Test
    void endsAConnectionAtItsLifetimeWithTheResumeCursor() {
        // Given a lifetime of a moment
        start(properties(64, Duration.ofMillis(300)));
        store("urn:a", 1, ArticleAction.PUBLISHED, "A1", 0, 5);

        // Then the stream ends with its cursor
        StreamCursor start = StreamCursor.ORIGIN.advance(new SourcePosition(0, 5));
        StepVerifier.create(liveStream.open(StreamStart.NOW, StreamFilter.NONE))
                .assertNext(heartbeat -> assertThat(heartbeat.cursor()).isEqualTo(start.encode()))
                .assertNext(end -> {
                    assertThat(end.event()).isEqualTo("end");
                    assertThat(end.cursor()).isEqualTo(start.encode());
                    assertThat(end.data()).isEqualTo(new StreamMessage.End("lifetime", start.encode()));
                })
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(hub.subscriberCount()).isZero();
    }

    @Test
    void closesASubscriberThatFallsBehindItsBufferWithTheCursorOfWhatItGot() {
        // Given a subscriber with room for two events that reads nothing
        start(properties(2, Duration.ofMinutes(30)));
        List<StreamMessage> received = new ArrayList<>();

        StepVerifier.create(liveStream.open(StreamStart.NOW, StreamFilter.NONE), 1)
                .assertNext(received::add)
                // When six events arrive
                .then(() -> {
                    for (int offset = 1; offset <= 6; offset++) {
                        store("urn:a", offset, ArticleAction.UPDATED, "A" + offset, 0, offset);
                    }
                })
                .then(() -> await().atMost(TIMEOUT)
                        .until(() -> hub.subscriberCount() == 0))
                // Then it gets what its buffer held, then the end with the cursor of the last one
                .thenRequest(Long.MAX_VALUE)
                .recordWith(() -> received)
                .thenConsumeWhile(message -> !message.event().equals("end"))
                .expectNextMatches(end -> end.event().equals("end"))
                .expectComplete()
                .verify(TIMEOUT);
        StreamMessage end = received.get(received.size() - 1);
        StreamMessage lastBeforeEnd = received.get(received.size() - 2);
        assertThat(end.data()).isEqualTo(new StreamMessage.End("too-slow", lastBeforeEnd.cursor()));
        // It requested nothing while the six arrived: exactly the two its buffer held, the first two,
        // then the end; the rest is lost to it, never one in the middle.
        assertThat(received.subList(1, received.size() - 1)).extracting(LiveStreamTest::headline)
                .containsExactly("A1", "A2");
    }

    private void store(String uri, long version, ArticleAction action, String headline, int partition, long offset) {
        store(enriched(uri, version, action, headline), partition, offset);
    }

    private void store(EnrichedArticleEvent event, int partition, long offset) {
        SourcePosition position = new SourcePosition(partition, offset);
        assertThat(intake.accept(event, position, null).block(TIMEOUT)).isNotNull();
        // A new subscriber starts where the live stream of this instance is: let it get there.
        await().atMost(TIMEOUT).until(() -> hub.currentHead().covers(position));
    }

    private static String headline(StreamMessage message) {
        return ((ArticleView) message.data()).headline();
    }

    private static void assertEvent(StreamMessage message, String event, String headline,
            Map<Integer, Long> cursor) {
        assertThat(message.event()).isEqualTo(event);
        assertThat(headline(message)).isEqualTo(headline);
        assertThat(StreamCursor.decode(message.cursor()).offsets()).isEqualTo(cursor);
    }
}
