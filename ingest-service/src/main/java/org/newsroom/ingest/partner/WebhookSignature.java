package org.newsroom.ingest.partner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A push signed after the Standard Webhooks scheme: {@code webhook-id} (unique per push),
 * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature}, one or more space-separated
 * {@code v1,<base64 HMAC-SHA256>} keyed with the UTF-8 bytes of the partner's secret.
 * <p>
 * The signed content is {@code <id>.<timestamp>.<payload>}, as in the scheme, with the payload being
 * the metadata the story depends on followed by the raw body: for each of {@link #SIGNED_HEADERS},
 * in that order, one line {@code <name>:<value>\n} (lower-case name, the value as sent without
 * surrounding whitespace, empty when the header is absent), then one empty line {@code \n}, then the
 * body bytes. Every line is always there, so that removing a header changes the content as much as
 * changing it does; a partner can hand that payload to any Standard Webhooks library.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";

    public static final String TIMESTAMP_HEADER = "webhook-timestamp";

    public static final String SIGNATURE_HEADER = "webhook-signature";

    /** What a story's meaning depends on besides its body: its format and the {@code text/plain} fields. */
    public static final List<String> SIGNED_HEADERS = List.of("content-type", "content-language", "x-story-uri",
            "x-story-version", "x-first-created", "x-embargoed");

    static final String VERSION = "v1,";

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} value a partner with {@code secret} sends. */
    public static String sign(String secret, String id, long timestamp, HttpHeaders headers, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(
                RequestSignature.hmac(secret, signedContent(id, Long.toString(timestamp), headers, body)));
    }

    /** The bytes the signature covers; see the class documentation. */
    public static byte[] signedContent(String id, String timestamp, HttpHeaders headers, byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(body.length + 256);
        content.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        for (String name : SIGNED_HEADERS) {
            content.writeBytes((name + ":" + value(headers, name) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        content.write('\n');
        content.writeBytes(body);
        return content.toByteArray();
    }

    private static String value(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        return value == null ? "" : value.strip();
    }

    /** The decoded {@code v1} signatures of the header; entries of other versions are skipped. */
    static List<byte[]> presented(@Nullable String header) {
        if (header == null) {
            return List.of();
        }
        return java.util.Arrays.stream(header.strip().split("\\s+"))
                .filter(entry -> entry.toLowerCase(Locale.ROOT).startsWith(VERSION))
                .map(entry -> decode(entry.substring(VERSION.length())))
                .filter(bytes -> bytes != null)
                .map(bytes -> (byte[]) bytes)
                .toList();
    }

    private static byte @Nullable [] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }
}
