package org.newsroom.launcher;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * A story POST to ingest-service as a partner sends it: the body with its content type, the
 * partner's {@code X-Api-Key} and the signature of the exact body bytes. The one place that knows
 * how a partner request is signed, for {@code ./newsroom push} and the bench alike.
 */
public final class SignedStoryRequest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SignedStoryRequest() {
    }

    /**
     * @param ingest the base URI of ingest-service
     * @param headers further headers of the story (its version, say), sent as they are
     */
    public static HttpRequest of(URI ingest, PartnerCredentials partner, String contentType, byte[] body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ingest.resolve("/v1/stories"))
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .header(PartnerCredentials.API_KEY_HEADER, partner.apiKey())
                .header(PartnerCredentials.SIGNATURE_HEADER, partner.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }
}
