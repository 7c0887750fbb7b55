package org.newsroom.publish.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.newsroom.publish.EnrichedArticles.clustered;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.model.Filters;
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
import org.newsroom.publish.article.ArticleDocument;
import org.newsroom.publish.article.SourcePosition;
import reactor.core.publisher.Mono;

/** The clusters collection kept from changed articles, against mongo-java-server over TCP. */
class ClusterStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Instant EARLY = Instant.parse("2026-05-04T06:00:00Z");

    private static final String A = "urn:newsroom:test:a";

    private static final String B = "urn:newsroom:test:b";

    private static final String CLUSTER = "c-" + ArticleIds.fromUri(A);

    private static final String OTHER = "c-other";

    private static MongoClient client;

    private static MongoDatabase database;

    private ClusterStore store;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri("cluster-store-test"));
        database = client.getDatabase("cluster-store-test");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyDatabase() {
        Mono.from(database.drop()).block(TIMEOUT);
        store = new ClusterStore(database);
        store.afterPropertiesSet();
    }

    @Test
    void aJoinReportsTheClusterAndARedeliveryReportsItAgainWithoutWritingIt() {
        apply(report(A, 1, EARLY, CLUSTER));
        Document before = stored(CLUSTER);

        List<List<ClusterView>> joined = apply(report(B, 1, EARLY.plusSeconds(60), CLUSTER));
        List<List<ClusterView>> again = apply(report(B, 1, EARLY.plusSeconds(60), CLUSTER));

        assertThat(joined).singleElement().satisfies(changed -> assertThat(changed).singleElement()
                .satisfies(cluster -> assertThat(uris(cluster)).containsExactly(A, B)));
        assertThat(again).isEqualTo(joined);
        assertThat(stored(CLUSTER).getLong("revision")).isEqualTo(before.getLong("revision") + 1);
    }

    @Test
    void aCorrectionInTheSameClusterUpdatesTheMemberAndReportsNoChange() {
        apply(report(A, 1, EARLY, CLUSTER));

        List<List<ClusterView>> corrected = apply(clustered(A, 2, ArticleAction.CORRECTED, "Corrected headline",
                EARLY, CLUSTER, 1.0, "Agency"), new SourcePosition(0, 1));

        assertThat(corrected).containsExactly(List.of());
        ClusterView cluster = store.findById(CLUSTER).block(TIMEOUT);
        assertThat(cluster.members()).extracting(ClusterMember::headline, ClusterMember::version)
                .containsExactly(tuple("Corrected headline", 2L));
    }

    @Test
    void killingTheLeadMakesTheNextEarliestLead() {
        apply(report(A, 1, EARLY, CLUSTER));
        apply(report(B, 1, EARLY.plusSeconds(60), CLUSTER));

        List<List<ClusterView>> killed = apply(clustered(A, 2, ArticleAction.KILLED, "A", EARLY, CLUSTER, 1.0,
                "Agency"), new SourcePosition(0, 2));

        assertThat(killed).singleElement().satisfies(changed -> assertThat(changed).singleElement()
                .satisfies(cluster -> {
                    assertThat(uris(cluster)).containsExactly(B);
                    assertThat(cluster.leadId()).isEqualTo(ArticleIds.fromUri(B));
                }));
    }

    @Test
    void aMoveInterruptedBeforeTheMembershipWasWrittenIsReportedInFullByTheRedelivery() {
        apply(report(A, 1, EARLY, CLUSTER));
        apply(report(B, 1, EARLY.plusSeconds(60), CLUSTER));
        Document membershipBefore = Mono.from(database.getCollection(ClusterStore.MEMBERSHIPS)
                .find(Filters.eq("_id", ArticleIds.fromUri(B))).first()).block(TIMEOUT);
        EnrichedArticleEvent moved = clustered(B, 2, ArticleAction.UPDATED, "B", EARLY.plusSeconds(60), OTHER, 1.0,
                "Agency");
        List<List<ClusterView>> first = apply(moved, new SourcePosition(1, 2));
        // The delivery failed after the clusters were written: the membership is as before
        Mono.from(database.getCollection(ClusterStore.MEMBERSHIPS).replaceOne(
                Filters.eq("_id", ArticleIds.fromUri(B)), membershipBefore)).block(TIMEOUT);

        List<List<ClusterView>> redelivered = apply(moved, new SourcePosition(1, 2));

        assertThat(redelivered).isEqualTo(first);
        assertThat(first).singleElement().satisfies(changed -> assertThat(changed)
                .extracting(ClusterView::id, ClusterView::size)
                .containsExactly(tuple(CLUSTER, 1),
                        tuple(OTHER, 1)));
    }

    private static EnrichedArticleEvent report(String uri, long version, Instant firstCreated, String cluster) {
        return clustered(uri, version, ArticleAction.PUBLISHED, uri, firstCreated, cluster, 0.9, "Agency");
    }

    private List<List<ClusterView>> apply(EnrichedArticleEvent event) {
        return apply(event, new SourcePosition(0, event.article().version() - 1));
    }

    private List<List<ClusterView>> apply(EnrichedArticleEvent event, SourcePosition position) {
        return store.applyAll(List.of(ArticleDocument.of(event, position, EARLY, null))).block(TIMEOUT);
    }

    private static List<String> uris(ClusterView cluster) {
        return cluster.members().stream().map(ClusterMember::uri).toList();
    }

    private static Document stored(String id) {
        return Mono.from(database.getCollection(ClusterStore.CLUSTERS).find(Filters.eq("_id", id)).first())
                .block(TIMEOUT);
    }
}
