package org.newsroom.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code ./newsroom push FILE}: signs a story file as a partner would and posts it to ingest-service,
 * so that trying the newsroom needs neither curl nor an HMAC one-liner.
 */
final class StoryPush {

    private StoryPush() {
    }

    /** What ingest answered. */
    record Answer(int status, String body) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Posts the file's bytes to {@code <ingest>/v1/stories} with its content type and headers,
     * signed by {@code partner}.
     *
     * @throws IOException if ingest-service cannot be reached
     */
    static Answer push(URI ingest, PartnerCredentials partner, StoryFile story) throws IOException, InterruptedException {
        HttpRequest request = SignedStoryRequest.of(ingest, partner, story.contentType(), story.body(), story.headers());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }
}
