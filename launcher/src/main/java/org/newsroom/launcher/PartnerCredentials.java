package org.newsroom.launcher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner as ingest-service knows it, seen from the partner's side: how to configure it in
 * ingest's environment and how to sign a request body with it.
 *
 * @param id     the partner id that ingest stamps on the partner's stories
 * @param apiKey sent as {@code X-Api-Key}
 * @param secret the HMAC-SHA256 key; ingest uses its UTF-8 bytes
 */
public record PartnerCredentials(String id, String apiKey, String secret) {

    /** The partner that {@code ./newsroom} configures, for pushing stories by hand. Not a secret: local use only. */
    public static final PartnerCredentials LOCAL = new PartnerCredentials("local", "local-dev-key", "local-dev-secret");

    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String SIGNATURE_HEADER = "X-Signature";

    /**
     * The environment variables that configure this partner as ingest's partner number {@code index}
     * ({@code newsroom.ingest.partners[index]} through Spring's relaxed binding), allowed any source.
     */
    public Map<String, String> ingestEnvironment(int index) {
        String prefix = "NEWSROOM_INGEST_PARTNERS_" + index + "_";
        return Map.of(prefix + "ID", id, prefix + "APIKEY", apiKey, prefix + "SECRET", secret);
    }

    /** The {@code X-Signature} value for exactly these body bytes. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
