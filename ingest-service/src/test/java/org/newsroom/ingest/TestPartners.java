package org.newsroom.ingest;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.newsroom.ingest.partner.PartnerAuthenticator;
import org.newsroom.ingest.partner.RequestSignature;
import org.springframework.http.HttpHeaders;

/**
 * The partners that tests configure, as property strings usable in annotations, and request signing
 * as a partner's client does it.
 */
public final class TestPartners {

    /** May attribute stories to any source. */
    public static final String AGENCY = "test-agency";

    public static final String AGENCY_KEY = "agency-key";

    public static final String AGENCY_SECRET = "agency-secret-\u00e9";

    /** May attribute stories to "Other Wire" only. */
    public static final String WIRE = "other-wire";

    public static final String WIRE_KEY = "wire-key";

    public static final String WIRE_SECRET = "wire-secret";

    public static final String AGENCY_ID_PROPERTY = "newsroom.ingest.partners[0].id=" + AGENCY;

    public static final String AGENCY_KEY_PROPERTY = "newsroom.ingest.partners[0].api-key=" + AGENCY_KEY;

    public static final String AGENCY_SECRET_PROPERTY = "newsroom.ingest.partners[0].secret=" + AGENCY_SECRET;

    /** The integration tests share one context and push far more than a partner's default minute. */
    public static final String AGENCY_UNLIMITED_PROPERTY = "newsroom.ingest.partners[0].stories-per-minute=0";

    public static final String WIRE_ID_PROPERTY = "newsroom.ingest.partners[1].id=" + WIRE;

    public static final String WIRE_KEY_PROPERTY = "newsroom.ingest.partners[1].api-key=" + WIRE_KEY;

    public static final String WIRE_SECRET_PROPERTY = "newsroom.ingest.partners[1].secret=" + WIRE_SECRET;

    public static final String WIRE_SOURCES_PROPERTY = "newsroom.ingest.partners[1].allowed-sources=Other Wire";

    private TestPartners() {
    }

    /** The headers of {@link #AGENCY} for {@code body}. */
    public static Consumer<HttpHeaders> signedByAgency(byte[] body) {
        return signed(AGENCY_KEY, AGENCY_SECRET, body);
    }

    public static Consumer<HttpHeaders> signedByAgency(String body) {
        return signedByAgency(body.getBytes(StandardCharsets.UTF_8));
    }

    public static Consumer<HttpHeaders> signed(String apiKey, String secret, byte[] body) {
        return headers -> {
            headers.set(PartnerAuthenticator.API_KEY_HEADER, apiKey);
            headers.set(PartnerAuthenticator.SIGNATURE_HEADER, RequestSignature.sign(secret, body));
        };
    }
}
