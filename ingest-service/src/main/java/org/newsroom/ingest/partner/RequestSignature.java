package org.newsroom.ingest.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Signature} value: {@code sha256=} and the lowercase hex HMAC-SHA256 of the raw
 * request body, keyed with the UTF-8 bytes of the partner's secret. It covers the bytes as sent, not
 * a re-serialization, so that partners can sign with any HTTP client and any JSON library.
 */
public final class RequestSignature {

    /** The signature header's only scheme so far; the prefix leaves room for a future algorithm. */
    public static final String SCHEME = "sha256=";

    private static final String ALGORITHM = "HmacSHA256";

    private RequestSignature() {
    }

    /** The header value a partner with {@code secret} sends for {@code body}. */
    public static String sign(String secret, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(hmac(secret, body));
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
