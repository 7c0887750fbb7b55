// Push one story to newsroom ingest, signed: java PushStory.java URL API_KEY SECRET STORY_URI (JDK 11+)
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class PushStory {

    public static void main(String[] args) throws Exception {
        String url = args[0], apiKey = args[1], secret = args[2], storyUri = args[3];
        // Any JSON library will do; what is signed must be the very bytes that are sent.
        String story = "{\"uri\":\"" + storyUri + "\",\"version\":1,"
                + "\"headline\":\"Harbour bridge reopens after repairs\","
                + "\"body\":\"The harbour bridge reopened on Monday after six weeks of repairs.\","
                + "\"source\":\"Example Wire\",\"firstCreated\":\"2026-03-02T08:00:00Z\",\"language\":\"en\"}";
        byte[] body = story.getBytes(StandardCharsets.UTF_8);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(body)) {
            hex.append(String.format("%02x", b));
        }

        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/stories"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", apiKey)
                .header("X-Signature", "sha256=" + hex)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        // Refusals are application/problem+json: branch on "type" (docs/ERRORS.md).
        System.out.println(response.statusCode() + " " + response.body());
        System.exit(response.statusCode() / 100 == 2 ? 0 : 1);
    }
}
