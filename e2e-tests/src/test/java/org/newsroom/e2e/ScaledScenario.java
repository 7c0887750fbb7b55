package org.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.Topics;
import org.newsroom.launcher.ServiceJars;
import org.springframework.web.reactive.function.client.WebClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scaled deployment: two enrich instances share the article topic's partitions, two publish
 * instances share the enriched topic's and one store. Each publish instance streams every story
 * exactly once, whichever instance enriched or stored it, and a client that comes back to the
 * other instance with the cursor the first one gave it gets exactly what it missed.
 */
interface ScaledScenario {

    Duration SCALED_DELIVERY = Duration.ofSeconds(120);
    String ENRICH_GROUP = "enrich-service";
    int STORIES = 12;

    NewsroomServices services();

    String kafkaBootstrapServers();

    @Test
    default void twoEnrichAndTwoPublishInstancesStreamEveryStoryOnceAndResumeExactlyAcrossInstances() {
        List<URI> publish = services().instances(ServiceJars.PUBLISH);
        List<URI> enrich = services().instances(ServiceJars.ENRICH);
        assertThat(publish).hasSize(2);
        assertThat(enrich).hasSize(2);
        String run = "scaled";
        List<String> uris = Stories.uris(run, STORIES);
        List<String> before = uris.subList(0, STORIES / 2);
        List<String> missed = uris.subList(STORIES / 2, STORIES);
        IngestClient ingest = new IngestClient(services().ingest());
        PipelineKafka kafka = new PipelineKafka(kafkaBootstrapServers());
        try (StreamSubscriber onA = StreamSubscriber.connect(publish.get(0));
                StreamSubscriber onB = StreamSubscriber.connect(publish.get(1))) {
            String cursor;
            // Given a reader on instance A who has received the first stories and leaves
            try (StreamSubscriber leaving = StreamSubscriber.connect(publish.get(0))) {
                pushAll(ingest, before);
                await().atMost(SCALED_DELIVERY).until(() -> leaving.receivedAll(before));
                cursor = leaving.lastEventId();
            }
            assertThat(cursor).isNotBlank();

            // When more stories are published while it is away, and it comes back to instance B
            pushAll(ingest, missed);
            await().atMost(SCALED_DELIVERY).until(() -> onA.receivedAll(missed) && onB.receivedAll(missed));
            try (StreamSubscriber back = StreamSubscriber.resume(publish.get(1), cursor)) {
                await().atMost(SCALED_DELIVERY).until(() -> back.receivedAll(missed));
                kafka.awaitCaughtUp(ENRICH_GROUP, Topics.ARTICLES.name(), SCALED_DELIVERY);
                kafka.awaitCaughtUp(PipelineScenarios.PUBLISH_GROUP, Topics.ENRICHED.name(), SCALED_DELIVERY);

                // Then it gets what it missed, once each, and nothing it had already
                assertThat(back.deliveriesByUri(Stories.prefix(run)))
                        .containsOnlyKeys(missed.toArray(String[]::new))
                        .allSatisfy((uri, count) -> assertThat(count).as(uri).isEqualTo(1L));
            }

            // And a reader on either instance got every story exactly once
            for (StreamSubscriber reader : List.of(onA, onB)) {
                assertThat(reader.deliveriesByUri(Stories.prefix(run)))
                        .containsOnlyKeys(uris.toArray(String[]::new))
                        .allSatisfy((uri, count) -> assertThat(count).as(uri).isEqualTo(1L));
            }
        }

        // And both enrich instances took part: the work was shared, not left to one
        assertThat(enrich).allSatisfy(instance ->
                assertThat(enrichedSuccessfully(instance)).as("stories enriched by %s", instance).isPositive());
    }

    private static void pushAll(IngestClient ingest, List<String> uris) {
        for (String uri : uris) {
            IngestClient.Answer answer = ingest.push(Stories.json(uri));
            assertThat(answer.status()).as("%s: %s", uri, answer.body()).isEqualTo(202);
        }
    }

    /** What the instance's {@code newsroom.enrichment.duration} timer counted as successful enrichments. */
    private static double enrichedSuccessfully(URI enrich) {
        String body = WebClient.create().get()
                .uri(enrich.resolve("/actuator/metrics/newsroom.enrichment.duration?tag=outcome:success"))
                .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
        JsonNode metric = JsonMapper.builder().build().readTree(body);
        for (JsonNode measurement : metric.path("measurements")) {
            if ("COUNT".equals(measurement.path("statistic").asString())) {
                return measurement.path("value").asDouble();
            }
        }
        return 0;
    }
}
