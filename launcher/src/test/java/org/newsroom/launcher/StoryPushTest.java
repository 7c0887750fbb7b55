package org.newsroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

class StoryPushTest {

    /** What the stand-in for ingest-service received. */
    private record Received(String method, String path, String contentType, String apiKey, String signature,
            String storyUri, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer ingest;

    @BeforeEach
    void startIngestStandIn() throws IOException {
        ingest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ingest.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("X-Api-Key"),
                    exchange.getRequestHeaders().getFirst("X-Signature"), exchange.getRequestHeaders().getFirst("X-Story-Uri"),
                    exchange.getRequestBody().readAllBytes()));
            byte[] answer = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        ingest.start();
    }

    @AfterEach
    void stopIngestStandIn() {
        ingest.stop(0);
    }

    @TempDir
    Path dir;

    @Test
    void postsTheFileSignedWithTheLocalPartnersSecret() throws Exception {
        String json = "{\"headline\":\"Caf\u00e9 \ud83d\udcf0\"}";
        Path file = Files.writeString(dir.resolve("story.json"), json);
        URI uri = URI.create("http://127.0.0.1:" + ingest.getAddress().getPort());

        StoryPush.Answer answer = StoryPush.push(uri, PartnerCredentials.LOCAL, StoryFile.read(file));

        assertThat(answer).isEqualTo(new StoryPush.Answer(202, "{\"status\":\"accepted\"}"));
        assertThat(answer.accepted()).isTrue();
        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/stories");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.apiKey()).isEqualTo("local-dev-key");
        assertThat(request.body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(request.signature()).isEqualTo(PartnerCredentials.LOCAL.sign(request.body()));
    }

    @Test
    void sendsPlainTextWithTheUriTheReadmesCurlLineSpellsOut() throws Exception {
        Path file = Files.writeString(dir.resolve("Partner Story.txt"), "Headline\nBody\n");
        URI uri = URI.create("http://127.0.0.1:" + ingest.getAddress().getPort());

        StoryPush.push(uri, PartnerCredentials.LOCAL, StoryFile.read(file));

        Received request = received.get(0);
        assertThat(request.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(request.storyUri()).isEqualTo("urn:newsroom:sample:partner-story");
        assertThat(request.body()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void signsWithHmacSha256OfTheExactBytes() {
        PartnerCredentials partner = new PartnerCredentials("p", "k", "key");

        // Reference: printf '%s' 'The quick brown fox jumps over the lazy dog' | openssl dgst -sha256 -hmac key
        assertThat(partner.sign("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void configuresThePartnerInIngestsEnvironment() {
        assertThat(PartnerCredentials.LOCAL.ingestEnvironment(0)).isEqualTo(Map.of(
                "NEWSROOM_INGEST_PARTNERS_0_ID", "local",
                "NEWSROOM_INGEST_PARTNERS_0_APIKEY", "local-dev-key",
                "NEWSROOM_INGEST_PARTNERS_0_SECRET", "local-dev-secret"));
    }
}
