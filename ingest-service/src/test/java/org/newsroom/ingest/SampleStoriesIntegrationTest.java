package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Topics;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every story in the repository's {@code samples/} folder, the files the README and
 * {@code ./newsroom push} offer a newcomer, pushed to the real service as a partner would send it:
 * each is accepted in its format, so the samples cannot go stale while the readers change.
 */
// The samples carry the dates partners gave them, months after the suite's fixed clock: here they
// must not count as stories from the future.
@TestPropertySource(properties = "newsroom.ingest.max-future-skew=3650d")
class SampleStoriesIntegrationTest extends KafkaIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
    };

    /** The files this test pushes; a sample added to the folder must be added here too. */
    private static final List<String> PUSHED = List.of("partner-story-deepmind-a24.txt",
            "partner-story-deepmind-a24-rewrite.txt", "pronouns-and-quotes.txt",
            "all-caps-headline.txt", "german-story.txt", "json-story.json", "correction.json", "kill.json",
            "embargoed-story.json", "ninjs-story.ninjs.json", "ndjson-batch.ndjson", "rss-feed.xml", "atom-feed.xml");

    @Test
    void everySampleIsCoveredHere() throws IOException, URISyntaxException {
        URL folder = getClass().getResource("/samples");
        assertThat(folder).as("samples/ on the test classpath").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("README.md")))
                    .containsExactlyInAnyOrderElementsOf(PUSHED);
        }
    }

    @Test
    void thePlainTextSamplesAreAcceptedWithoutTheirBoilerplateAndAgainAsDuplicates() throws IOException {
        var start = logEnd(Topics.ARTICLES);
        for (String name : List.of("partner-story-deepmind-a24.txt", "partner-story-deepmind-a24-rewrite.txt",
                "pronouns-and-quotes.txt", "all-caps-headline.txt", "german-story.txt")) {
            String uri = "urn:newsroom:sample:" + name.replaceFirst("\\.txt$", "");
            assertThat(pushText(name, uri).expectStatus().isAccepted().expectBody(JSON_OBJECT).returnResult()
                    .getResponseBody()).as(name).containsEntry("status", "accepted").containsEntry("uri", uri);
        }
        pushText("partner-story-deepmind-a24.txt", "urn:newsroom:sample:partner-story-deepmind-a24")
                .expectStatus().isOk().expectBody(JSON_OBJECT).value(answer ->
                        assertThat(answer).containsEntry("status", "duplicate"));

        List<ArticleEvent> written = recordsSince(Topics.ARTICLES, start).stream()
                .map(record -> json.readValue(record.value(), ArticleEvent.class)).toList();
        assertThat(written).extracting(ArticleEvent::headline, ArticleEvent::source).containsExactlyInAnyOrder(
                tuple("Google DeepMind and A24 Form Unprecedented AI-Film Partnership", "Yahoo Finance"),
                tuple("A24 teams up with Google DeepMind in first AI lab deal for a Hollywood studio", "Metro Post"),
                tuple("Climate Envoy Says Shipping Deal Is \"Within Reach\" Before Geneva Talks", "Harbour Wire"),
                tuple("STORM CIARAN FORCES CLOSURE OF CHANNEL PORTS AND CANCELS HUNDREDS OF FLIGHTS", "Harbour Wire"),
                tuple("Deutsche Bahn stellt neuen Fahrplan vor: Mehr ICE-Verbindungen zwischen Berlin und München",
                        "Harbour Wire"));
        assertThat(written).filteredOn(event -> event.source().equals("Yahoo Finance")).singleElement()
                .satisfies(sample -> assertThat(sample.body()).doesNotContain("Read more", "Continue reading"));
    }

    @Test
    void theJsonSampleIsAcceptedThenCorrectedThenKilled() throws IOException {
        for (String name : List.of("json-story.json", "correction.json", "kill.json")) {
            assertThat(push("application/json", name).expectStatus().isAccepted().expectBody(JSON_OBJECT)
                    .returnResult().getResponseBody()).as(name)
                    .containsEntry("uri", "urn:newsroom:sample:rotterdam-port-volumes")
                    .containsEntry("status", "accepted");
        }
    }

    @Test
    void theEmbargoedSampleIsHeldUntilItsEmbargo() throws IOException {
        assertThat(push("application/json", "embargoed-story.json").expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody())
                .containsEntry("status", "held").containsEntry("embargoedUntil", "2030-02-06T06:00:00Z");
    }

    @Test
    void theNinjsSampleIsAccepted() throws IOException {
        assertThat(push("application/ninjs+json", "ninjs-story.ninjs.json").expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody())
                .containsEntry("uri", "urn:newsml:wire.example.com:20261130:ECB-RATES-1")
                .containsEntry("status", "accepted");
    }

    @Test
    void theBatchAndFeedSamplesAreAcceptedStoryByStory() throws IOException {
        assertThat(batch("application/x-ndjson", "ndjson-batch.ndjson")).containsExactly(
                tuple(1, 202, "urn:newsroom:sample:batch-rail-strike"),
                tuple(2, 202, "urn:newsroom:sample:batch-copper-price"),
                tuple(3, 202, "urn:newsroom:sample:batch-marathon"));
        assertThat(batch("application/rss+xml", "rss-feed.xml")).containsExactly(
                tuple(1, 202, "https://gazette.example/2026/11/30/council-bridge"),
                tuple(2, 202, "https://gazette.example/2026/11/29/school-board"));
        assertThat(batch("application/atom+xml", "atom-feed.xml")).containsExactly(
                tuple(1, 202, "https://baltic.example/2026/11/kiel-canal"),
                tuple(2, 202, "https://baltic.example/2026/11/gdansk-ferries"));
    }

    private List<org.assertj.core.groups.Tuple> batch(String contentType, String name) throws IOException {
        List<Map<String, Object>> results = push(contentType, name).expectStatus().isEqualTo(207)
                .expectBody(JSON_ARRAY).returnResult().getResponseBody();
        return results.stream().map(line -> tuple(line.get("line"), line.get("status"), line.get("uri"))).toList();
    }

    private WebTestClient.ResponseSpec pushText(String name, String uri) throws IOException {
        byte[] body = sample(name);
        return client.post().uri("/v1/stories").header("Content-Type", "text/plain; charset=utf-8")
                .header("X-Story-Uri", uri).headers(TestPartners.signedByAgency(body)).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec push(String contentType, String name) throws IOException {
        byte[] body = sample(name);
        return client.post().uri("/v1/stories").header("Content-Type", contentType)
                .headers(TestPartners.signedByAgency(body)).bodyValue(body).exchange();
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = SampleStoriesIntegrationTest.class.getResourceAsStream("/samples/" + name)) {
            assertThat(in).as("samples/" + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
