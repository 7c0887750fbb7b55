package org.newsroom.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.IngestApplication;
import org.newsroom.ingest.KafkaIntegrationTest;
import org.newsroom.ingest.TestPartners;
import org.newsroom.ingest.ledger.ArticleLedger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A second ingest instance on the same broker as the test's application: decisions stay exact
 * between the two, and an instance that restarts resumes from its state file's offsets.
 */
class SecondInstanceIntegrationTest extends KafkaIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @TempDir
    Path stateDirectory;

    private ConfigurableApplicationContext startInstance() {
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(IngestApplication.class)
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--newsroom.ingest.state.directory=" + stateDirectory, "--" + TestPartners.AGENCY_ID_PROPERTY,
                        "--" + TestPartners.AGENCY_KEY_PROPERTY, "--" + TestPartners.AGENCY_SECRET_PROPERTY);
        await().atMost(TIMEOUT).until(instance.getBean(ArticleLedger.class)::isCaughtUp);
        return instance;
    }

    private static WebTestClient clientOf(ConfigurableApplicationContext instance) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(TIMEOUT).build();
    }

    @Test
    void twoVersionlessEditsOnTwoInstancesAtOnceGetTwoVersionsAndEachAnswerIsTheLogsDecision() {
        try (ConfigurableApplicationContext second = startInstance()) {
            WebTestClient other = clientOf(second);
            List<String> uris = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                // Given a story both instances know at version 1
                String uri = "urn:newsroom:test:two-instances:" + UUID.randomUUID();
                uris.add(uri);
                postJson(story(uri, "Headline", "First")).expectStatus().isAccepted();
                await().atMost(TIMEOUT).until(() -> second.getBean(ArticleLedger.class).find(uri).isPresent());

                // When each instance gets a different versionless edit at the same time
                CompletableFuture<Map<String, Object>> here = CompletableFuture
                        .supplyAsync(() -> pushUntilDecided(client, story(uri, "Headline", "Edit here")));
                CompletableFuture<Map<String, Object>> there = CompletableFuture
                        .supplyAsync(() -> pushUntilDecided(other, story(uri, "Headline", "Edit there")));

                // Then they are versions 2 and 3, and each answer names the event the log holds for its version
                List<Map<String, Object>> answers = List.of(here.join(), there.join());
                assertThat(answers).extracting(answer -> answer.get("status")).containsOnly("accepted");
                assertThat(answers).extracting(answer -> ((Number) answer.get("version")).longValue())
                        .containsExactlyInAnyOrder(2L, 3L);
                Map<Long, String> firstOfVersion = firstEventOfEachVersion(uri);
                answers.forEach(answer -> assertThat(firstOfVersion)
                        .containsEntry(((Number) answer.get("version")).longValue(), (String) answer.get("messageId")));
            }
            // And both instances agree on every story
            ArticleLedger secondLedger = second.getBean(ArticleLedger.class);
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(uris).allSatisfy(uri ->
                    assertThat(secondLedger.find(uri).orElseThrow().version()).isEqualTo(3)));
        }
    }

    /** Pushes like a partner: again after a 503, as its Retry-After asks. */
    private Map<String, Object> pushUntilDecided(WebTestClient instance, Map<String, Object> story) {
        for (int attempt = 0; attempt < 5; attempt++) {
            var result = postJson(instance, story).expectBody(JSON_OBJECT).returnResult();
            if (result.getStatus().value() != 503) {
                return result.getResponseBody();
            }
        }
        throw new AssertionError("503 five times for " + story.get("uri"));
    }

    /** The decision every reader of the log makes: the first event of a version counts. */
    private Map<Long, String> firstEventOfEachVersion(String uri) {
        Map<Long, String> first = new java.util.HashMap<>();
        for (ConsumerRecord<String, String> record : recordsSince(Topics.ARTICLES, Map.of())) {
            if (uri.equals(record.key()) && record.value() != null) {
                ArticleEvent event = json.readValue(record.value(), ArticleEvent.class);
                first.putIfAbsent(event.version(), event.eventId());
            }
        }
        return first;
    }

    @Test
    void aRestartedInstanceReadsOnlyWhatIsNewSinceItsCheckpoint() {
        // Given an instance that read a story and stopped
        String before = "urn:newsroom:test:checkpoint:" + UUID.randomUUID();
        try (ConfigurableApplicationContext instance = startInstance()) {
            postJson(story(before, "Headline", "Before the restart")).expectStatus().isAccepted();
            await().atMost(TIMEOUT).until(() -> instance.getBean(ArticleLedger.class).find(before).isPresent());
        }
        // And whose state file no longer has that story, though its offsets still cover it
        StateStore file = new StateStore(new StateProperties(stateDirectory, Duration.ofSeconds(1)));
        assertThat(file.map("articles").remove(before)).isNotNull();
        file.commit();
        file.destroy();

        // When a story arrives while it is down, and it starts again
        String during = "urn:newsroom:test:checkpoint:" + UUID.randomUUID();
        postJson(story(during, "Headline", "During the restart")).expectStatus().isAccepted();
        try (ConfigurableApplicationContext instance = startInstance()) {
            ArticleLedger ledger = instance.getBean(ArticleLedger.class);

            // Then it has read the new story, and not the log again from the beginning
            await().atMost(TIMEOUT).until(() -> ledger.find(during).isPresent());
            assertThat(ledger.find(before)).isEmpty();
        }
    }

}
