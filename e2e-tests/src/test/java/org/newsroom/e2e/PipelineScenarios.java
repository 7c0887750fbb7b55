package org.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.Topics;
import org.newsroom.launcher.PartnerCredentials;
import org.newsroom.launcher.PartnerStoryFile;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton's promise, checked against whatever broker and store a subclass provides:
 * a partner story pushed to ingest reaches a live subscriber enriched, is stored once, and a
 * duplicate push changes nothing downstream.
 */
abstract class PipelineScenarios {

    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final String PUBLISH_GROUP = "publish-service";

    private final JsonMapper json = JsonMapper.builder().build();
    private final WebClient http = WebClient.create();

    /** The running services of the subclass's environment. */
    abstract NewsroomServices services();

    abstract String kafkaBootstrapServers();

    abstract String mongoUri();

    @Test
    void sampleStoryReachesTheLiveStreamEnrichedAndIsStoredOnceWhenPushedTwice() throws Exception {
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        Disposable subscription = subscribe(received);
        try {
            await().atMost(DELIVERY).until(() -> !received.isEmpty());
            String story = PartnerStoryFile.toJson(sample(), Instant.parse("2026-11-24T08:00:00Z"));

            JsonNode first = push(story);
            JsonNode second = push(story);

            String articleId = first.get("articleId").asString();
            assertThat(first.get("status").asString()).isEqualTo("accepted");
            assertThat(second.get("status").asString()).isEqualTo("duplicate");
            assertThat(second.get("messageId")).isEqualTo(first.get("messageId"));
            assertThat(second.get("articleId").asString()).isEqualTo(articleId);
            String uri = first.get("uri").asString();
            await().atMost(DELIVERY).until(() -> !eventsFor(received, uri).isEmpty());
            awaitPublishConsumedEverythingEnriched();

            List<ServerSentEvent<String>> events = eventsFor(received, uri);
            assertThat(events).hasSize(1);
            ServerSentEvent<String> event = events.get(0);
            assertThat(event.event()).isEqualTo("published");
            assertThat(event.id()).isNotBlank();
            JsonNode article = json.readTree(event.data());
            assertThat(article.get("id").asString()).isEqualTo(articleId);
            assertThat(article.get("headline").asString())
                    .isEqualTo("Google DeepMind and A24 Form Unprecedented AI-Film Partnership");
            assertThat(article.get("entities").valueStream()
                    .map(entity -> entity.get("name").asString() + "/" + entity.get("type").asString()))
                    .contains("Google DeepMind/ORGANIZATION");

            JsonNode stored = json.readTree(http.get().uri(services().publish().resolve("/v1/articles/" + articleId))
                    .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10)));
            assertThat(stored).isEqualTo(article);
            assertThat(storedArticlesWithUri(uri)).isEqualTo(1);
        }
        finally {
            subscription.dispose();
        }
    }

    private Disposable subscribe(List<ServerSentEvent<String>> received) {
        return http.get().uri(services().publish().resolve("/v1/stream"))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .subscribe(received::add);
    }

    private static List<ServerSentEvent<String>> eventsFor(List<ServerSentEvent<String>> received, String uri) {
        return received.stream()
                .filter(event -> event.data() != null && event.data().contains("\"uri\":\"" + uri + "\""))
                .toList();
    }

    private JsonNode push(String story) {
        byte[] body = story.getBytes(StandardCharsets.UTF_8);
        String response = http.post().uri(services().ingest().resolve("/v1/stories"))
                .contentType(MediaType.APPLICATION_JSON)
                .header(PartnerCredentials.API_KEY_HEADER, NewsroomServices.PARTNER.apiKey())
                .header(PartnerCredentials.SIGNATURE_HEADER, NewsroomServices.PARTNER.sign(body))
                .bodyValue(body)
                .exchangeToMono(answer -> {
                    assertThat(answer.statusCode().is2xxSuccessful()).as("ingest status %s", answer.statusCode())
                            .isTrue();
                    return answer.bodyToMono(String.class);
                })
                .block(Duration.ofSeconds(30));
        return json.readTree(response);
    }

    /**
     * A missing second stream event only proves something once publish-service has consumed
     * everything that was enriched: wait until the publish consumer group has committed past every
     * record of the topic.
     */
    private void awaitPublishConsumedEverythingEnriched() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            await().atMost(DELIVERY).until(() -> {
                Map<TopicPartition, Long> ends = endOffsets(admin);
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(PUBLISH_GROUP).partitionsToOffsetAndMetadata().get();
                long enrichedRecords = ends.values().stream().mapToLong(Long::longValue).sum();
                return enrichedRecords >= 1 && ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue()));
            });
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(List.of(Topics.ENRICHED.name()))
                .allTopicNames().get().get(Topics.ENRICHED.name()).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(Topics.ENRICHED.name(), p.partition()),
                        p -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((ListOffsetsResultInfo) e.getValue()).offset()));
    }

    private long storedArticlesWithUri(String uri) {
        try (MongoClient mongo = MongoClients.create(mongoUri())) {
            return mongo.getDatabase("newsroom").getCollection("articles").countDocuments(Filters.eq("uri", uri));
        }
    }

    private static Path sample() throws URISyntaxException {
        return Path.of(PipelineScenarios.class.getResource("/partner-story-deepmind-a24.txt").toURI());
    }
}
