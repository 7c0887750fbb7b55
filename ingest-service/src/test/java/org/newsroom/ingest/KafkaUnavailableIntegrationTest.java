package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With no broker listening, a story is answered 503 with Retry-After once the producer's shortened
 * timeouts expire, never 202. Topic creation is off because there is no broker to create it on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.admin.auto-create=false", "newsroom.ingest.kafka.max-block=1s",
        "newsroom.ingest.kafka.request-timeout=1s", "newsroom.ingest.kafka.delivery-timeout=2s",
        "newsroom.ingest.retry-after=3s", TestPartners.AGENCY_ID_PROPERTY, TestPartners.AGENCY_KEY_PROPERTY,
        TestPartners.AGENCY_SECRET_PROPERTY })
@AutoConfigureWebTestClient
class KafkaUnavailableIntegrationTest {

    @DynamicPropertySource
    static void closedKafkaPort(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    private WebTestClient client;

    @Test
    void answers503WithRetryAfterWhenKafkaIsUnreachable() {
        String story = """
                {"uri": "urn:newsroom:test:offline", "headline": "Headline", "body": "Body", "source": "Agency",
                 "firstCreated": "2026-01-02T03:04:05Z"}""";

        Map<String, Object> problem = client.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .post().uri("/v1/stories").contentType(MediaType.APPLICATION_JSON)
                .headers(TestPartners.signedByAgency(story)).bodyValue(story).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "3")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();

        assertThat(problem).isEqualTo(Map.of("type", "https://newsroom.example/problems/not-written", "title", "Service Unavailable", "status", 503,
                "detail", "The story could not be written and was not accepted; retry after 3 seconds",
                "instance", "/v1/stories"));
    }
}
