package org.newsroom.publish.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.newsroom.publish.EnrichedArticles.enriched;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.publish.TestMongo;
import org.newsroom.publish.article.ArticleStore;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.cluster.ClusterStore;
import org.newsroom.publish.stream.StreamCursor;
import org.newsroom.publish.stream.StreamEvent;
import org.newsroom.publish.stream.StreamEventLog;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The version-guarded store and the stream events it produces, against MongoDB over TCP. */
class ArticleIntakeTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String URI = "urn:newsroom:test:merkel-berlin";

    private static final String ID = ArticleIds.fromUri(URI);

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00.456Z");

    private static MongoClient client;

    private static MongoDatabase database;

    private final AtomicInteger wakeUps = new AtomicInteger();

    private ArticleStore articles;

    private ArticleIntake intake;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri("intake-test"));
        database = client.getDatabase("intake-test");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyDatabase() {
        Mono.from(database.drop()).block(TIMEOUT);
        articles = new ArticleStore(database);
        StreamEventLog streamEvents = new StreamEventLog(database);
        streamEvents.afterPropertiesSet();
        intake = new ArticleIntake(articles, new ClusterStore(database), streamEvents, wakeUps::incrementAndGet,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void insertsANewArticleAndRecordsOneStreamEventWithTheArticleAndWakesTheLiveStream() {
        // Given an empty read model
        EnrichedArticleEvent v1 = enriched(URI, 1, ArticleAction.PUBLISHED, "Merkel visits Berlin");

        // When
        boolean changed = accept(v1, new SourcePosition(2, 40));

        // Then
        assertThat(changed).isTrue();
        ArticleView stored = articles.findById(ID).block(TIMEOUT);
        assertThat(stored).isEqualTo(expectedView(v1));
        assertThat(streamEvents()).containsExactly(new Document("articleId", ID)
                .append("action", "PUBLISHED")
                .append("version", 1L)
                .append("partition", 2)
                .append("offset", 40L)
                .append("storedAt", Date.from(NOW)));
        StreamEventLog.LogPage page = new StreamEventLog(database).readAfter(StreamCursor.ORIGIN, 100).block(TIMEOUT);
        assertThat(page.events()).containsExactly(new StreamEvent(new SourcePosition(2, 40), expectedView(v1)));
        assertThat(page.complete()).isTrue();
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void theSameVersionAgainChangesNothing() {
        // Given
        EnrichedArticleEvent v1 = enriched(URI, 1, ArticleAction.PUBLISHED, "Merkel visits Berlin");
        accept(v1, new SourcePosition(2, 40));

        // When the same version arrives again, even with other content
        boolean changed = accept(enriched(URI, 1, ArticleAction.PUBLISHED, "Other headline"),
                new SourcePosition(2, 41));

        // Then
        assertThat(changed).isFalse();
        assertThat(articles.findById(ID).block(TIMEOUT)).isEqualTo(expectedView(v1));
        assertThat(streamEvents()).extracting(event -> event.getLong("offset")).containsExactly(40L);
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void aHigherVersionReplacesTheArticle() {
        // Given
        accept(enriched(URI, 1, ArticleAction.PUBLISHED, "Merkel visits Berlin"), new SourcePosition(2, 40));
        EnrichedArticleEvent v2 = enriched(URI, 2, ArticleAction.CORRECTED, "Merkel visits Bonn");

        // When
        boolean changed = accept(v2, new SourcePosition(2, 41));

        // Then
        assertThat(changed).isTrue();
        assertThat(articles.findById(ID).block(TIMEOUT)).isEqualTo(expectedView(v2));
        assertThat(streamEvents()).extracting(event -> event.getString("action"), event -> event.getLong("version"))
                .containsExactly(tuple("PUBLISHED", 1L),
                        tuple("CORRECTED", 2L));
        assertThat(wakeUps).hasValue(2);
    }

    @Test
    void aLowerVersionChangesNothing() {
        // Given version 2 is stored
        EnrichedArticleEvent v2 = enriched(URI, 2, ArticleAction.UPDATED, "Merkel visits Bonn");
        accept(v2, new SourcePosition(2, 41));

        // When version 1 arrives late
        boolean changed = accept(enriched(URI, 1, ArticleAction.PUBLISHED, "Merkel visits Berlin"),
                new SourcePosition(3, 7));

        // Then
        assertThat(changed).isFalse();
        assertThat(articles.findById(ID).block(TIMEOUT)).isEqualTo(expectedView(v2));
        assertThat(streamEvents()).extracting(event -> event.getLong("version")).containsExactly(2L);
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void aRedeliveredRecordRecordsTheStreamEventItsFailedDeliveryLostOnce() {
        // Given version 1 was stored, but its delivery failed before the stream event was recorded
        EnrichedArticleEvent v1 = enriched(URI, 1, ArticleAction.PUBLISHED, "Merkel visits Berlin");
        accept(v1, new SourcePosition(2, 40));
        Mono.from(database.getCollection("stream_events").deleteMany(new Document())).block(TIMEOUT);
        wakeUps.set(0);

        // When the same record is delivered again, twice
        boolean firstRedelivery = accept(v1, new SourcePosition(2, 40));
        boolean secondRedelivery = accept(v1, new SourcePosition(2, 40));

        // Then
        assertThat(firstRedelivery).isTrue();
        assertThat(secondRedelivery).isTrue();
        assertThat(articles.findById(ID).block(TIMEOUT)).isEqualTo(expectedView(v1));
        assertThat(streamEvents()).extracting(event -> event.getLong("offset")).containsExactly(40L);
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void aKillWithdrawsTheArticleAndForgetsItsEarlierStreamEvents() {
        // Given version 1 is stored
        accept(enriched(URI, 1, ArticleAction.PUBLISHED, "Merkel visits Berlin"), new SourcePosition(2, 40));

        // When the article is killed
        boolean changed = accept(enriched(URI, 2, ArticleAction.KILLED, "Merkel visits Berlin"),
                new SourcePosition(2, 41));

        // Then its content is gone, and so is the event that carried it
        assertThat(changed).isTrue();
        ArticleView killed = articles.findById(ID).block(TIMEOUT);
        assertThat(killed).isNotNull();
        assertThat(killed.withdrawn()).isTrue();
        assertThat(killed.action()).isEqualTo(ArticleAction.KILLED);
        assertThat(killed.body()).isNull();
        assertThat(killed.entities()).isEmpty();
        assertThat(killed.related()).isEmpty();
        assertThat(streamEvents()).extracting(event -> event.getString("action"), event -> event.getLong("offset"))
                .containsExactly(tuple("KILLED", 41L));
        assertThat(Mono.from(database.getCollection("articles").find().first()).block(TIMEOUT).getList("entityKeys",
                String.class)).isEmpty();
    }

    private boolean accept(EnrichedArticleEvent event, SourcePosition position) {
        ArticleView stored = intake.accept(event, position, TRACE_ID).block(TIMEOUT);
        if (stored != null) {
            assertThat(stored).extracting(ArticleView::version, ArticleView::action, ArticleView::traceId)
                    .containsExactly(event.article().version(), event.article().action(), TRACE_ID);
        }
        return stored != null;
    }

    private static List<Document> streamEvents() {
        return Flux.from(database.getCollection("stream_events")
                        .find(Filters.eq("articleId", ID))
                        .projection(Projections.exclude("_id", "article"))
                        .sort(new Document("offset", 1)))
                .collectList()
                .block(TIMEOUT);
    }

    private static ArticleView expectedView(EnrichedArticleEvent event) {
        var article = event.article();
        var enrichment = event.enrichment();
        return new ArticleView(ID, URI, article.version(), article.action(), article.headline(), article.body(),
                article.source(), article.language(), article.firstCreated(), article.receivedAt(),
                enrichment.entities(), enrichment.related(), enrichment.keywords(), null, enrichment.enrichmentVersion(),
                enrichment.enrichedAt(), NOW, false, TRACE_ID);
    }
}
