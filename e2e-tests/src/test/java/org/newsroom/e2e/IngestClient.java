package org.newsroom.e2e;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.newsroom.launcher.PartnerCredentials;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test partner pushing stories to ingest, signing each body as ingest requires. Answers of
 * every status are returned, not thrown, because what a fault test checks is the status.
 */
final class IngestClient {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebClient http = WebClient.create();
    private final URI stories;
    private final PartnerCredentials partner;

    IngestClient(URI ingest) {
        this(ingest, NewsroomServices.PARTNER);
    }

    IngestClient(URI ingest, PartnerCredentials partner) {
        this.stories = ingest.resolve("/v1/stories");
        this.partner = partner;
    }

    /**
     * One answer of ingest.
     *
     * @param retryAfter the {@code Retry-After} header, or {@code null}
     * @param contentType the answer's content type, or {@code null}
     */
    record Answer(int status, String retryAfter, MediaType contentType, String body) {

        boolean accepted() {
            return status == 202;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Pushes one story and waits for the answer. */
    Answer push(String storyJson) {
        return send(storyJson).block(ANSWER_TIMEOUT);
    }

    /** Pushes one story when subscribed; completes with ingest's answer whatever its status. */
    Mono<Answer> send(String storyJson) {
        byte[] body = storyJson.getBytes(StandardCharsets.UTF_8);
        return http.post().uri(stories)
                .contentType(MediaType.APPLICATION_JSON)
                .header(PartnerCredentials.API_KEY_HEADER, partner.apiKey())
                .header(PartnerCredentials.SIGNATURE_HEADER, partner.sign(body))
                .bodyValue(body)
                .exchangeToMono(answer -> answer.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> new Answer(answer.statusCode().value(),
                                answer.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                                answer.headers().contentType().orElse(null), text)))
                .timeout(ANSWER_TIMEOUT);
    }
}
