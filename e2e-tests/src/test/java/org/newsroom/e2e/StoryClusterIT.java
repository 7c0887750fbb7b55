package org.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.launcher.PartnerCredentials;
import org.newsroom.launcher.ServiceJars;
import org.newsroom.publish.page.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Story clustering through the whole pipeline: the sample story and a second partner's rewrite
 * of it, pushed as plain text the way {@code ./newsroom push} sends a file, end as one cluster of
 * two on the stream, in {@code GET /v1/clusters/{id}} and on the live page. A pipeline of its own,
 * so no other scenario's push of the sample story joins the cluster.
 */
@EmbeddedKafka
class StoryClusterIT {

    private static final Duration DELIVERY = Duration.ofSeconds(120);

    private static final PartnerCredentials SECOND = new PartnerCredentials("e2e-rewrites", "e2e-rewrites-key",
            "e2e-rewrites-secret");

    private static final Path SAMPLES = Path.of(System.getProperty("newsroom.home", ".."), "samples");

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalPipeline pipeline;

    private static NewsroomServices services;

    @BeforeAll
    static void startNewsroom() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        pipeline = LocalPipeline.start(broker.getBrokersAsString(), "clusters",
                Map.of(ServiceJars.INGEST, SECOND.ingestEnvironment(1)));
        services = pipeline.services();
    }

    @AfterAll
    static void stopNewsroom() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void theSampleStoryAndASecondPartnersRewriteAreOneClusterOfTwoOnTheStreamAndThePage() throws IOException {
        String run = UUID.randomUUID().toString();
        String storyUri = "urn:newsroom:e2e:cluster:" + run + ":agency";
        String rewriteUri = "urn:newsroom:e2e:cluster:" + run + ":rewrite";
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        Disposable subscription = WebClient.create().get().uri(services.publish().resolve("/v1/stream"))
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(SSE)
                .subscribe(received::add);
        try (HeadlessChromium chromium = HeadlessChromium.isInstalled() ? HeadlessChromium.start() : null) {
            // Given a subscriber on the stream and, where Chromium is installed, a reader on the live page
            await().atMost(DELIVERY).until(() -> !received.isEmpty());
            WebDriver browser = chromium == null ? null : chromium.browser();
            if (browser != null) {
                browser.get(services.publish().resolve("/").toString());
                new WebDriverWait(browser, DELIVERY)
                        .until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "live"));
            }

            // When one partner pushes the sample story and another its rewrite, three quarters of an hour later
            String storyId = pushPlainText(NewsroomServices.PARTNER, "partner-story-deepmind-a24.txt", storyUri,
                    "2026-11-24T08:00:00Z");
            String rewriteId = pushPlainText(SECOND, "partner-story-deepmind-a24-rewrite.txt", rewriteUri,
                    "2026-11-24T08:45:00Z");

            // Then the stream tells the cluster of both, led by the earlier story
            await().atMost(DELIVERY).until(() -> lastClusterOf(received, storyId) != null
                    && lastClusterOf(received, storyId).path("size").asInt() == 2);
            JsonNode cluster = lastClusterOf(received, storyId);
            assertThat(cluster.path("leadId").asString()).isEqualTo(storyId);
            assertThat(cluster.path("members").valueStream().map(member -> member.path("articleId").asString()))
                    .containsExactly(storyId, rewriteId);
            String clusterId = cluster.path("id").asString();
            // And both articles carry it, on the stream and from the query API
            assertThat(articleEvents(received, storyId, rewriteId))
                    .extracting(article -> article.path("clusterId").asString())
                    .containsOnly(clusterId).hasSize(2);
            JsonNode stored = JSON.readTree(WebClient.create().get()
                    .uri(services.publish().resolve("/v1/clusters/" + clusterId)).retrieve().bodyToMono(String.class)
                    .block(DELIVERY));
            assertThat(stored.path("size").asInt()).isEqualTo(2);
            assertThat(stored.path("members").valueStream().map(member -> member.path("partner").asString()))
                    .doesNotHaveDuplicates();

            // And the page shows the rewrite under the story it rewrites
            if (browser != null) {
                WebDriverWait wait = new WebDriverWait(browser, DELIVERY);
                WebElement lead = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#articles > li.story[data-id='" + storyId + "']")));
                wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(lead,
                        By.cssSelector("ol.members > li.story.member[data-id='" + rewriteId + "']")));
                assertThat(browser.findElements(By.cssSelector("#articles > li.story"))).hasSize(1);
                assertThat(lead.findElement(By.cssSelector(".cluster-size")).getText()).isEqualTo("2 reports");
                Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(screenshot, Path.of("target", "story-cluster-page.png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally {
            subscription.dispose();
        }
    }

    /** Pushes a sample file's bytes as plain text, signed by the partner; answers the article id. */
    private static String pushPlainText(PartnerCredentials partner, String sample, String uri, String firstCreated)
            throws IOException {
        byte[] body = Files.readAllBytes(SAMPLES.resolve(sample));
        String answer = WebClient.create().post().uri(services.ingest().resolve("/v1/stories"))
                .contentType(MediaType.parseMediaType("text/plain; charset=utf-8"))
                .header(PartnerCredentials.API_KEY_HEADER, partner.apiKey())
                .header(PartnerCredentials.SIGNATURE_HEADER, partner.sign(body))
                .header("X-Story-Uri", uri)
                .header("X-First-Created", firstCreated)
                .bodyValue(body)
                .retrieve().bodyToMono(String.class).block(DELIVERY);
        return JSON.readTree(answer).path("articleId").asString();
    }

    /** The data of the newest {@code clustered} event naming the article as a member, if any. */
    private static JsonNode lastClusterOf(List<ServerSentEvent<String>> received, String articleId) {
        JsonNode last = null;
        for (ServerSentEvent<String> event : received) {
            if ("clustered".equals(event.event())) {
                JsonNode cluster = JSON.readTree(event.data());
                if (cluster.path("members").valueStream()
                        .anyMatch(member -> articleId.equals(member.path("articleId").asString()))) {
                    last = cluster;
                }
            }
        }
        return last;
    }

    private static List<JsonNode> articleEvents(List<ServerSentEvent<String>> received, String... articleIds) {
        List<String> ids = List.of(articleIds);
        return received.stream().filter(event -> "published".equals(event.event()))
                .map(event -> JSON.readTree(event.data()))
                .filter(article -> ids.contains(article.path("id").asString()))
                .toList();
    }
}
