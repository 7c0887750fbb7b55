package org.newsroom.publish.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.newsroom.publish.EnrichedArticles.clustered;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.EventSchemas;
import org.newsroom.publish.PublishServiceTestBase;
import org.newsroom.publish.article.ArticleView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

/**
 * Story clusters through the whole service: enriched records with clusters in, the clusters
 * collection, {@code GET /v1/clusters/{id}}, and the stream's {@code clustered} events, filtered
 * and resumed.
 */
class ClusterStreamIntegrationTest extends PublishServiceTestBase {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static final Instant EARLY = Instant.parse("2026-05-04T06:00:00Z");

    @Test
    void membersJoinAreCorrectedLeaveByKillOrMoveAndTheStreamResumesInsideEveryChange() {
        String start = startCursor();
        String a = "urn:newsroom:it:cluster:agency-a";
        String b = "urn:newsroom:it:cluster:agency-b";
        String c = "urn:newsroom:it:cluster:agency-c";
        String cluster = "c-" + ArticleIds.fromUri(a);
        String other = "c-" + ArticleIds.fromUri("urn:newsroom:it:cluster:elsewhere");
        int partition = 3;
        // Given three reports of one event, the first earliest, then a correction of the second
        produce(partition, clustered(a, 1, ArticleAction.PUBLISHED, "Dam bursts in the valley", EARLY, cluster,
                1.0, "Agency A"));
        produce(partition, clustered(b, 1, ArticleAction.PUBLISHED, "Valley dam breaks", EARLY.plusSeconds(600),
                cluster, 0.91, "Agency B"));
        produce(partition, clustered(c, 1, ArticleAction.PUBLISHED, "Flood after the dam failed",
                EARLY.plusSeconds(1200), cluster, 0.84, "Agency C"));
        produce(partition, clustered(b, 2, ArticleAction.CORRECTED, "Valley dam breaks, 300 evacuated",
                EARLY.plusSeconds(600), cluster, 0.92, "Agency B"));
        // When the first is killed and the third moves to another cluster
        produce(partition, clustered(a, 2, ArticleAction.KILLED, "Dam bursts in the valley", EARLY, cluster, 1.0,
                "Agency A"));
        produce(partition, clustered(c, 2, ArticleAction.UPDATED, "Flood after the dam failed",
                EARLY.plusSeconds(1200), other, 1.0, "Agency C"));
        await().atMost(TIMEOUT).until(() -> cluster(other) != null && cluster(cluster).size() == 1);

        // Then the cluster keeps the corrected second report only, which leads it now
        ClusterView kept = Objects.requireNonNull(cluster(cluster));
        assertThat(kept.leadId()).isEqualTo(ArticleIds.fromUri(b));
        assertThat(kept.members()).singleElement().satisfies(member -> {
            assertThat(member.headline()).isEqualTo("Valley dam breaks, 300 evacuated");
            assertThat(member.version()).isEqualTo(2);
            assertThat(member.partner()).isEqualTo("Agency B");
            assertThat(member.score()).isEqualTo(0.92);
            assertThat(member.firstCreated()).isEqualTo(EARLY.plusSeconds(600));
        });
        assertThat(Objects.requireNonNull(cluster(other)).members()).extracting(ClusterMember::uri).containsExactly(c);
        // And articles carry their cluster, a killed one none
        assertThat(article(b).clusterId()).isEqualTo(cluster);
        assertThat(article(c).clusterId()).isEqualTo(other);
        assertThat(article(a).clusterId()).isNull();

        // And the stream of that cluster, read from before all this, tells each membership change after its
        // article: the kill dropped the first report's earlier events, the move's article is in another cluster
        List<ServerSentEvent<String>> all = stream("cursor=" + start + "&cluster=" + cluster, 8);
        assertThat(all).extracting(ServerSentEvent::event).containsExactly("published", "clustered", "published",
                "clustered", "corrected", "killed", "clustered", "clustered");
        assertThat(members(all.get(1))).containsExactly(a, b);
        assertThat(members(all.get(3))).containsExactly(a, b, c);
        assertThat(members(all.get(6))).containsExactly(b, c);
        assertThat(clusterOf(all.get(6)).leadId()).isEqualTo(ArticleIds.fromUri(b));
        assertThat(members(all.get(7))).containsExactly(b);
        all.forEach(sse -> EventSchemas.assertValid("clustered".equals(sse.event()) ? EventSchemas.STREAM_CLUSTERED
                : "killed".equals(sse.event()) ? EventSchemas.STREAM_KILLED : EventSchemas.STREAM_ARTICLE, sse.data()));

        // And resuming after any message, inside a change or not, sends exactly the messages after it
        for (int given = 1; given < all.size(); given++) {
            List<ServerSentEvent<String>> rest = stream(
                    "cursor=" + all.get(given - 1).id() + "&cluster=" + cluster, all.size() - given);
            assertThat(rest).as("resumed after message %d", given)
                    .extracting(ServerSentEvent::id, ServerSentEvent::event, ServerSentEvent::data)
                    .containsExactlyElementsOf(all.subList(given, all.size()).stream()
                            .map(sse -> tuple(sse.id(), sse.event(), sse.data()))
                            .toList());
        }
    }

    @Test
    void firstOfClusterSendsOneItemPerEventAlsoOnResume() {
        String start = startCursor();
        String entity = "Harbour Authority Zeta";
        String first = "urn:newsroom:it:first:report";
        String rewrite = "urn:newsroom:it:first:rewrite";
        String alone = "urn:newsroom:it:first:alone";
        String cluster = "c-" + ArticleIds.fromUri(first);
        int partition = 4;
        // Given the first report of an event, a rewrite of it, and a story alone in its own cluster
        produce(partition, clustered(first, 1, ArticleAction.PUBLISHED, "Port closes", EARLY, cluster, 1.0, "A",
                entity));
        produce(partition, clustered(rewrite, 1, ArticleAction.PUBLISHED, "The port is closed",
                EARLY.plusSeconds(60), cluster, 0.9, "B", entity));
        produce(partition, clustered(alone, 1, ArticleAction.PUBLISHED, "Ferry strike", EARLY.plusSeconds(120),
                "c-" + ArticleIds.fromUri(alone), 1.0, "C", entity));
        await().atMost(TIMEOUT).until(() -> cluster("c-" + ArticleIds.fromUri(alone)) != null);

        // When the stream asks for the first article of each cluster only
        String query = "cursor=" + start + "&entity=" + entity + "&firstOfCluster=true";
        List<ServerSentEvent<String>> items = stream(query, 2);

        // Then it gets the first report and the lone story, no rewrite and no clustered event
        assertThat(items).extracting(ServerSentEvent::event).containsExactly("published", "published");
        assertThat(items).extracting(sse -> json.readValue(sse.data(), ArticleView.class).uri())
                .containsExactly(first, alone);
        // And the same from a resume after the first item
        assertThat(stream("cursor=" + items.get(0).id() + "&entity=" + entity + "&firstOfCluster=true", 1))
                .extracting(ServerSentEvent::id, ServerSentEvent::data)
                .containsExactly(tuple(items.get(1).id(), items.get(1).data()));
        // And without the option, the rewrite's join is there
        assertThat(stream("cursor=" + start + "&entity=" + entity, 6)).extracting(ServerSentEvent::event)
                .containsExactly("published", "clustered", "published", "clustered", "published", "clustered");
    }

    @Test
    void anUnknownClusterAndABadOptionAreProblems() {
        client().get().uri("/v1/clusters/{id}", "c-nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://newsroom.example/problems/cluster-not-found")
                .jsonPath("$.id").isEqualTo("c-nothing-here");
        client().get().uri("/v1/stream?firstOfCluster=maybe").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("firstOfCluster");
    }

    /** The cursor of a stream opened now: the id of its first heartbeat. */
    private String startCursor() {
        ServerSentEvent<String> first = client().get().uri("/v1/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk().returnResult(SSE).getResponseBody().blockFirst(TIMEOUT);
        return Objects.requireNonNull(Objects.requireNonNull(first).id());
    }

    /**
     * The messages (heartbeats left out) of a stream with this query: the {@code expected} ones and any
     * that came within three seconds of the one before, so a duplicate or an extra message shows.
     */
    private List<ServerSentEvent<String>> stream(String query, int expected) {
        List<ServerSentEvent<String>> messages = client().get().uri("/v1/stream?" + query)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(SSE).getResponseBody()
                .filter(sse -> sse.event() != null)
                .take(expected + 1)
                .timeout(Mono.delay(TIMEOUT), message -> Mono.delay(Duration.ofSeconds(3)), Flux.empty())
                .collectList()
                .block(TIMEOUT);
        return Objects.requireNonNull(messages);
    }

    private List<String> members(ServerSentEvent<String> sse) {
        return clusterOf(sse).members().stream().map(ClusterMember::uri).toList();
    }

    private ClusterView clusterOf(ServerSentEvent<String> sse) {
        assertThat(sse.event()).isEqualTo("clustered");
        return json.readValue(sse.data(), ClusterView.class);
    }

    private ClusterView cluster(String id) {
        byte[] body = client().get().uri("/v1/clusters/{id}", id).exchange().returnResult(byte[].class)
                .getResponseBodyContent();
        return body == null || body.length == 0 || new String(body).contains("cluster-not-found") ? null
                : json.readValue(body, ClusterView.class);
    }

    private ArticleView article(String uri) {
        return Objects.requireNonNull(client().get().uri("/v1/articles/{id}", ArticleIds.fromUri(uri)).exchange()
                .expectStatus().isOk().expectBody(ArticleView.class).returnResult().getResponseBody());
    }
}
