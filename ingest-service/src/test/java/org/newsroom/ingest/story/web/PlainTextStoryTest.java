package org.newsroom.ingest.story.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.ReadyArticleLedger;
import org.newsroom.ingest.TestPartners;
import org.newsroom.ingest.article.ArticlePublisher;
import org.newsroom.ingest.partner.PartnerAuthenticator;
import org.newsroom.ingest.partner.PartnerProperties;
import org.newsroom.ingest.partner.PartnerRateLimiter;
import org.newsroom.ingest.partner.ReplayGuard;
import org.newsroom.ingest.story.StoryIntake;
import org.newsroom.ingest.story.format.FeedStoryReader;
import org.newsroom.ingest.story.format.JsonStoryReader;
import org.newsroom.ingest.story.format.NinjsStoryReader;
import org.newsroom.ingest.story.format.PlainTextStoryReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

/** {@code text/plain} stories as partners paste them, with the real partner sample. */
@WebFluxTest(StoryController.class)
@Import({ StoryIntake.class, PartnerGate.class, StoryOutcomes.class, PartnerAuthenticator.class,
        ReplayGuard.class, PartnerRateLimiter.class, JsonStoryReader.class, PlainTextStoryReader.class, NinjsStoryReader.class, FeedStoryReader.class,
        StoryProblems.class, StoryMetrics.class, SimpleMeterRegistry.class, ReadyArticleLedger.class })
@EnableConfigurationProperties({ IngestProperties.class, PartnerProperties.class })
@TestPropertySource(properties = { TestPartners.AGENCY_ID_PROPERTY, TestPartners.AGENCY_KEY_PROPERTY,
        TestPartners.AGENCY_SECRET_PROPERTY })
class PlainTextStoryTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private static final String URI = "https://partner.example/stories/deepmind-a24";

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    private WebTestClient client;

    @MockitoBean
    private ArticlePublisher publisher;

    private WebTestClient.ResponseSpec post(byte[] body, MediaType contentType, Consumer<HttpHeaders> storyHeaders) {
        return client.post().uri("/v1/stories").contentType(contentType)
                .headers(TestPartners.signedByAgency(body)).headers(storyHeaders).bodyValue(body).exchange();
    }

    private ArticleEvent published() {
        ArgumentCaptor<ArticleEvent> event = ArgumentCaptor.forClass(ArticleEvent.class);
        verify(publisher).publish(event.capture());
        return event.getValue();
    }

    private static String sample() throws IOException {
        try (InputStream in = PlainTextStoryTest.class.getResourceAsStream("/samples/partner-story-deepmind-a24.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsThePartnerSampleIntoHeadlineBodyAndSource() throws IOException {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        String sample = sample();
        List<String> lines = sample.lines().toList();

        Map<String, Object> response = post(sample.getBytes(StandardCharsets.UTF_8), MediaType.TEXT_PLAIN,
                headers -> {
                    headers.set("X-Story-Uri", URI);
                    headers.set("X-Story-Version", "3");
                    headers.set(HttpHeaders.CONTENT_LANGUAGE, "en");
                }).expectStatus().isAccepted().expectBody(JSON_OBJECT).returnResult().getResponseBody();

        ArticleEvent event = published();
        assertThat(lines.get(4)).startsWith("Read more ");
        assertThat(lines.get(7)).isEqualTo("Continue reading at Yahoo Finance.");
        String body = String.join("\n\n", lines.get(1), lines.get(2), lines.get(3), lines.get(5), lines.get(6));
        assertThat(event).isEqualTo(new ArticleEvent(ArticleEvent.SCHEMA_VERSION, event.eventId(),
                ArticleAction.PUBLISHED, URI, 3, "Google DeepMind and A24 Form Unprecedented AI-Film Partnership", body,
                "Yahoo Finance", TestPartners.AGENCY, "en", NOW, NOW,
                List.of("ServiceNow and IBM Deepen Partnership in New Collaboration Deal")));
        assertThat(event.body()).doesNotContain("Read more", "Continue reading", "→");
        assertThat(response).containsEntry("messageId", event.eventId()).containsEntry("uri", URI)
                .containsEntry("version", 3);
    }

    @Test
    void keepsBlankLineParagraphsAndTakesTheDeclaredCharsetAndCreationTime() {
        when(publisher.publish(any())).thenReturn(Mono.empty());
        String text = "\r\n  Caf\u00e9 owners rally \r\nFirst line\r\nstill first paragraph.\r\n\r\n"
                + "Read more Bakers strike ->\r\nSecond paragraph.\r\nContinue reading at Example Wire\r\n";
        Charset latin1 = StandardCharsets.ISO_8859_1;

        post(text.getBytes(latin1), new MediaType(MediaType.TEXT_PLAIN, latin1), headers -> {
            headers.set("X-Story-Uri", "urn:newsroom:test:cafe");
            headers.set("X-First-Created", "2026-01-02T03:04:05Z");
        }).expectStatus().isAccepted();

        assertThat(published()).isEqualTo(new ArticleEvent(ArticleEvent.SCHEMA_VERSION, published().eventId(),
                ArticleAction.PUBLISHED, "urn:newsroom:test:cafe", 1, "Caf\u00e9 owners rally",
                "First line\nstill first paragraph.\n\nSecond paragraph.", "Example Wire", TestPartners.AGENCY, null,
                Instant.parse("2026-01-02T03:04:05Z"), NOW, List.of("Bakers strike")));
    }

    @Test
    void namesTheHeadersThatAreMissingOrMalformed() {
        byte[] text = "Headline\nBody\nContinue reading at Example Wire.".getBytes(StandardCharsets.UTF_8);

        Map<String, Object> problem = post(text, MediaType.TEXT_PLAIN, headers -> headers.set("X-Story-Version", "two"))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem).isEqualTo(Map.of("type", "https://newsroom.example/problems/invalid-story", "title", "Bad Request", "status", 400, "instance", "/v1/stories",
                "detail", "Invalid story: X-Story-Uri header is required; X-Story-Version must be an integer",
                "errors", List.of(Map.of("field", "X-Story-Uri", "message", "header is required"),
                        Map.of("field", "X-Story-Version", "message", "must be an integer"))));
        verify(publisher, never()).publish(any());
    }

    @Test
    void aTextWithoutAttributionOrBodyIsInvalid() {
        byte[] text = "Only a headline\nRead more Something else →\n".getBytes(StandardCharsets.UTF_8);

        post(text, MediaType.TEXT_PLAIN, headers -> headers.set("X-Story-Uri", "urn:newsroom:test:short"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Invalid story: body must not be blank; source is required");
        verify(publisher, never()).publish(any());
    }

    @Test
    void rejectsBytesThatAreNotInTheDeclaredCharset() {
        byte[] text = { 'H', '\n', 'B', (byte) 0xC3, '(', '\n' };

        post(text, MediaType.TEXT_PLAIN, headers -> headers.set("X-Story-Uri", "urn:newsroom:test:bytes"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Request body is not valid UTF-8");
        verify(publisher, never()).publish(any());
    }

    @Test
    void anUnsignedTextIsRefusedBeforeItIsRead() {
        byte[] text = "Headline\nBody".getBytes(StandardCharsets.UTF_8);

        client.post().uri("/v1/stories").contentType(MediaType.TEXT_PLAIN).bodyValue(text).exchange()
                .expectStatus().isUnauthorized();
        verify(publisher, never()).publish(any());
    }
}
