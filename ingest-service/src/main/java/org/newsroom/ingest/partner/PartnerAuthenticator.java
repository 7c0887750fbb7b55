package org.newsroom.ingest.partner;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Tells which configured partner sent a request, from its {@code X-Api-Key} and {@code X-Signature}
 * headers and the exact body bytes. Keys and signatures are compared in constant time, so that
 * response timing does not reveal how much of a guess was right.
 */
@Component
public class PartnerAuthenticator {

    public static final String API_KEY_HEADER = "X-Api-Key";

    public static final String SIGNATURE_HEADER = "X-Signature";

    private static final int SHA256_BYTES = 32;

    static final String NOT_PROVEN = API_KEY_HEADER + " and the signature do not prove a known partner; sign "
            + "the exact bytes sent with the secret that belongs to the key";

    private static final String UNKNOWN_KEY_SECRET = "no partner has this key";

    private final List<Partner> partners;

    private final Duration tolerance;

    private final Clock clock;

    private final ReplayGuard replays;

    public PartnerAuthenticator(PartnerProperties properties, Clock clock, ReplayGuard replays) {
        this.partners = properties.partners();
        this.tolerance = properties.signatureTolerance();
        this.clock = clock;
        this.replays = replays;
    }

    /**
     * A push signed after {@link WebhookSignature}, or, for a partner still allowed it, with the old
     * body-only {@value #SIGNATURE_HEADER}.
     *
     * @throws PartnerUnauthorizedException if the push is not proven to come from a known partner
     *         now: a missing or malformed header, an unknown key or wrong signature (one message for
     *         both), a timestamp outside the tolerance, or a {@code webhook-id} already used
     */
    public Partner authenticate(HttpHeaders headers, byte[] body) {
        String apiKey = headers.getFirst(API_KEY_HEADER);
        if (headers.getFirst(WebhookSignature.SIGNATURE_HEADER) == null) {
            Partner partner = authenticate(apiKey, headers.getFirst(SIGNATURE_HEADER), body);
            if (!partner.bodyOnlySignature()) {
                throw new PartnerUnauthorizedException("Sign with " + WebhookSignature.ID_HEADER + ", "
                        + WebhookSignature.TIMESTAMP_HEADER + " and " + WebhookSignature.SIGNATURE_HEADER
                        + "; " + SIGNATURE_HEADER + " over the body alone is no longer accepted for this partner");
            }
            return partner;
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new PartnerUnauthorizedException(API_KEY_HEADER + " header is missing");
        }
        String id = required(headers, WebhookSignature.ID_HEADER);
        String timestamp = required(headers, WebhookSignature.TIMESTAMP_HEADER);
        long sentAt = seconds(timestamp);
        long now = clock.millis();
        if (Math.abs(now / 1000 - sentAt) > tolerance.toSeconds()) {
            throw new PartnerUnauthorizedException(WebhookSignature.TIMESTAMP_HEADER + " " + timestamp
                    + " is more than " + tolerance.toSeconds() + " seconds from the newsroom's clock ("
                    + now / 1000 + "); sign every push when it is sent, with the current Unix time");
        }
        List<byte[]> presented = WebhookSignature.presented(headers.getFirst(WebhookSignature.SIGNATURE_HEADER));
        if (presented.isEmpty()) {
            throw new PartnerUnauthorizedException(WebhookSignature.SIGNATURE_HEADER
                    + " must hold v1, followed by the base64 HMAC-SHA256 of the signed content");
        }
        Partner partner = partnerWithKey(apiKey);
        byte[] expected = RequestSignature.hmac(partner != null ? partner.secret() : UNKNOWN_KEY_SECRET,
                WebhookSignature.signedContent(id, timestamp, headers, body));
        boolean matches = false;
        for (byte[] signature : presented) {
            matches |= MessageDigest.isEqual(expected, signature);
        }
        if (!matches || partner == null) {
            throw new PartnerUnauthorizedException(NOT_PROVEN);
        }
        if (!replays.firstUse(partner.id(), id, (sentAt + tolerance.toSeconds() + 1) * 1000, now)) {
            throw new PartnerUnauthorizedException(WebhookSignature.ID_HEADER + " " + id
                    + " was already used; every push needs a new id, a retry too");
        }
        return partner;
    }

    private static String required(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            throw new PartnerUnauthorizedException(name + " header is missing");
        }
        return value.strip();
    }

    private static long seconds(String timestamp) {
        if (timestamp.length() > 12 || !timestamp.chars().allMatch(Character::isDigit)) {
            throw new PartnerUnauthorizedException(WebhookSignature.TIMESTAMP_HEADER
                    + " must be the Unix time in seconds");
        }
        return Long.parseLong(timestamp);
    }

    /**
     * @param body the request body exactly as received; empty if there was none
     * @return the partner whose key was presented and whose secret signed {@code body}
     * @throws PartnerUnauthorizedException if the key or the signature is missing or malformed, or
     *         the key is unknown or the signature does not match: those two with one message
     */
    public Partner authenticate(@Nullable String apiKey, @Nullable String signature, byte[] body) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new PartnerUnauthorizedException(API_KEY_HEADER + " header is missing");
        }
        if (signature == null || signature.isBlank()) {
            throw new PartnerUnauthorizedException(SIGNATURE_HEADER + " header is missing");
        }
        byte[] presented = parse(signature.strip());
        Partner partner = partnerWithKey(apiKey);
        // An unknown key costs the same HMAC and gets the same answer as a wrong signature, so that
        // neither the timing nor the message tells a caller whether a key exists.
        byte[] expected = RequestSignature.hmac(partner != null ? partner.secret() : UNKNOWN_KEY_SECRET, body);
        if (!MessageDigest.isEqual(expected, presented) || partner == null) {
            throw new PartnerUnauthorizedException(NOT_PROVEN);
        }
        return partner;
    }

    /**
     * The partner a read request comes from, by its API key alone: a read changes nothing, so there
     * is no body to sign, and what it returns is only ever about the partner's own stories.
     *
     * @throws PartnerUnauthorizedException if the key is missing or unknown
     */
    public Partner identify(@Nullable String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new PartnerUnauthorizedException(API_KEY_HEADER + " header is missing");
        }
        Partner partner = partnerWithKey(apiKey);
        if (partner == null) {
            throw new PartnerUnauthorizedException(API_KEY_HEADER + " is not the key of a known partner");
        }
        return partner;
    }

    /** Compares against every key, without stopping at the first match, to keep the timing flat. */
    private @Nullable Partner partnerWithKey(String apiKey) {
        byte[] presented = apiKey.getBytes(StandardCharsets.UTF_8);
        Partner found = null;
        for (Partner partner : partners) {
            boolean match = MessageDigest.isEqual(partner.apiKey().getBytes(StandardCharsets.UTF_8), presented);
            if (match && found == null) {
                found = partner;
            }
        }
        return found;
    }

    private static byte[] parse(String signature) {
        String hex = signature.regionMatches(true, 0, RequestSignature.SCHEME, 0, RequestSignature.SCHEME.length())
                ? signature.substring(RequestSignature.SCHEME.length()) : "";
        if (hex.length() != 2 * SHA256_BYTES || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new PartnerUnauthorizedException(SIGNATURE_HEADER
                    + " must be sha256= followed by the 64 hex digits of the body's HMAC-SHA256");
        }
        return HexFormat.of().parseHex(hex);
    }
}
