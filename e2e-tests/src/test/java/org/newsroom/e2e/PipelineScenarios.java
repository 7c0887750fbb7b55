package org.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.Topics;
import org.newsroom.launcher.PartnerCredentials;
import org.newsroom.launcher.PartnerStoryFile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton's promise, checked against whatever broker and store a subclass provides:
 * a partner story pushed to ingest reaches a live subscriber enriched, is stored once, and a
 * duplicate push changes nothing downstream; the partner's trace id, sent in a W3C {@code traceparent}
 * header, is answered by ingest and arrives with the stream event, across both Kafka hops.
 */
abstract class PipelineScenarios {

    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final String PARTNER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PUBLISH_GROUP = "publish-service";

    private final JsonMapper json = JsonMapper.builder().build();
    private final WebClient http = WebClient.create();

    /** The running services of the subclass's environment. */
    abstract NewsroomServices services();

    abstract String kafkaBootstrapServers();

    abstract String mongoUri();

    @Test
    void sampleStoryReachesTheLiveStreamEnrichedAndIsStoredOnceWhenPushedTwice() throws Exception {
        try (StreamSubscriber subscriber = StreamSubscriber.connect(services().publish())) {
            // Its own uri: the README scenario pushes the same sample file under the uri ./newsroom push gives it.
            String story = PartnerStoryFile.toJson(sample(), "urn:newsroom:e2e:deepmind-a24",
                    Instant.parse("2026-11-24T08:00:00Z"));
            IngestClient ingest = new IngestClient(services().ingest());

            JsonNode first = pushInPartnerTrace(story);
            JsonNode second = successful(ingest.push(story));

            String articleId = first.get("articleId").asString();
            assertThat(first.get("status").asString()).isEqualTo("accepted");
            assertThat(second.get("status").asString()).isEqualTo("duplicate");
            assertThat(second.get("messageId")).isEqualTo(first.get("messageId"));
            assertThat(second.get("articleId").asString()).isEqualTo(articleId);
            String uri = first.get("uri").asString();
            await().atMost(DELIVERY).until(() -> !subscriber.eventsFor(uri).isEmpty());
            new PipelineKafka(kafkaBootstrapServers()).awaitCaughtUp(PUBLISH_GROUP, Topics.ENRICHED.name(), DELIVERY);

            List<ServerSentEvent<String>> events = subscriber.eventsFor(uri);
            assertThat(events).hasSize(1);
            ServerSentEvent<String> event = events.get(0);
            assertThat(event.event()).isEqualTo("published");
            assertThat(event.id()).isNotBlank();
            JsonNode article = json.readTree(event.data());
            assertThat(article.get("id").asString()).isEqualTo(articleId);
            assertThat(article.get("traceId").asString()).isEqualTo(PARTNER_TRACE_ID);
            assertThat(article.get("headline").asString())
                    .isEqualTo("Google DeepMind and A24 Form Unprecedented AI-Film Partnership");
            assertThat(article.get("entities").valueStream()
                    .map(entity -> entity.get("name").asString() + "/" + entity.get("type").asString()))
                    .contains("Google DeepMind/ORGANIZATION")
                    .doesNotContain("Google/ORGANIZATION", "DeepMind/ORGANIZATION");

            JsonNode stored = json.readTree(http.get().uri(services().publish().resolve("/v1/articles/" + articleId))
                    .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10)));
            assertThat(stored).isEqualTo(article);
            assertThat(storedArticlesWithUri(mongoUri(), uri)).isEqualTo(1);
        }
    }

    /** CoreNLP's own entity mentions made every "he" and "his" a PERSON; none may reach a subscriber. */
    @Test
    void aStoryWithPronounsShowsNoneOfThemAsEntitiesOnTheStream() throws Exception {
        try (StreamSubscriber subscriber = StreamSubscriber.connect(services().publish())) {
            String uri = Stories.uri("pronouns", 1);
            String story = Stories.json(uri, "Merkel says she will stay on",
                    "Angela Merkel said on Monday that she would lead her party into the election. "
                            + "He agreed, said Olaf Scholz, adding that his own plans had not changed. "
                            + "His deputy said they would meet her in Berlin.");

            successful(new IngestClient(services().ingest()).push(story));
            await().atMost(DELIVERY).until(() -> !subscriber.eventsFor(uri).isEmpty());

            JsonNode article = json.readTree(subscriber.eventsFor(uri).get(0).data());
            List<String> entities = article.get("entities").valueStream()
                    .map(entity -> entity.get("name").asString() + "/" + entity.get("type").asString())
                    .toList();
            assertThat(entities).contains("Angela Merkel/PERSON", "Olaf Scholz/PERSON");
            assertThat(article.get("entities").valueStream()
                    .map(entity -> entity.get("name").asString().toLowerCase(Locale.ROOT)))
                    .doesNotContainAnyElementsOf(List.of("he", "his", "she", "her", "they"));
        }
    }

    /**
     * Pushes the story as a partner whose own tracing sent a {@code traceparent} header, and checks
     * that ingest answers with that trace's id for the partner to quote.
     */
    private JsonNode pushInPartnerTrace(String storyJson) {
        byte[] body = storyJson.getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> answer = http.post().uri(services().ingest().resolve("/v1/stories"))
                .contentType(MediaType.APPLICATION_JSON)
                .header(PartnerCredentials.API_KEY_HEADER, NewsroomServices.PARTNER.apiKey())
                .header(PartnerCredentials.SIGNATURE_HEADER, NewsroomServices.PARTNER.sign(body))
                .header("traceparent", "00-" + PARTNER_TRACE_ID + "-00f067aa0ba902b7-01")
                .bodyValue(body)
                .retrieve()
                .toEntity(String.class)
                .block(Duration.ofSeconds(30));
        assertThat(answer.getStatusCode().value()).as("ingest status, body %s", answer.getBody()).isEqualTo(202);
        assertThat(answer.getHeaders().getFirst("X-Trace-Id")).isEqualTo(PARTNER_TRACE_ID);
        return json.readTree(answer.getBody());
    }

    private static JsonNode successful(IngestClient.Answer answer) {
        assertThat(answer.status()).as("ingest status, body %s", answer.body()).isBetween(200, 299);
        return answer.json();
    }

    static long storedArticlesWithUri(String mongoUri, String uri) {
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            return mongo.getDatabase("newsroom").getCollection("articles").countDocuments(Filters.eq("uri", uri));
        }
    }

    private static Path sample() throws URISyntaxException {
        return Path.of(PipelineScenarios.class.getResource("/samples/partner-story-deepmind-a24.txt").toURI());
    }
}
