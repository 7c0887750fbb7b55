package org.newsroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.newsroom.launcher.PartnerCredentials;

/**
 * Posts stories to ingest as a partner does: JSON, {@code X-Api-Key} and the HMAC-SHA256
 * {@code X-Signature} of the exact body bytes.
 */
final class StoryPusher {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI stories;
    private final PartnerCredentials partner;

    StoryPusher(HttpClient client, URI ingest, PartnerCredentials partner) {
        this.client = client;
        this.stories = ingest.resolve("/v1/stories");
        this.partner = partner;
    }

    /** Completes with the HTTP status, or exceptionally if ingest could not be reached. */
    CompletableFuture<Integer> push(Story story) {
        byte[] body = story.toRequestJson().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(stories)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(PartnerCredentials.API_KEY_HEADER, partner.apiKey())
                .header(PartnerCredentials.SIGNATURE_HEADER, partner.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }
}
