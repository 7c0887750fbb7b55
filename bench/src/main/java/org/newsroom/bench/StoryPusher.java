package org.newsroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.newsroom.launcher.PartnerCredentials;
import org.newsroom.launcher.SignedStoryRequest;

/**
 * Posts stories to ingest as a partner does: JSON, {@code X-Api-Key} and the HMAC-SHA256
 * {@code X-Signature} of the exact body bytes.
 */
final class StoryPusher {

    private final HttpClient client;
    private final URI ingest;
    private final PartnerCredentials partner;

    StoryPusher(HttpClient client, URI ingest, PartnerCredentials partner) {
        this.client = client;
        this.ingest = ingest;
        this.partner = partner;
    }

    /** Completes with the HTTP status, or exceptionally if ingest could not be reached. */
    CompletableFuture<Integer> push(Story story) {
        byte[] body = story.toRequestJson().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = SignedStoryRequest.of(ingest, partner, "application/json", body, Map.of());
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }
}
