package org.newsroom.ingest.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Pushes signed after the Standard Webhooks scheme: replays, expired timestamps and unsigned metadata. */
class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private static final byte[] BODY = "Markets rally\n\nStocks rose.".getBytes(StandardCharsets.UTF_8);

    private final Partner agency = new Partner("agency", "agency-key", "agency-secret", List.of(), 0, false);

    private final Partner migrating = new Partner("migrating", "old-key", "old-secret", List.of(), 0, true);

    private final PartnerAuthenticator authenticator = new PartnerAuthenticator(
            new PartnerProperties(List.of(agency, migrating), Duration.ofMinutes(5)),
            Clock.fixed(NOW, ZoneOffset.UTC), new ReplayGuard());

    private static HttpHeaders story(String uri) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8");
        headers.set("X-Story-Uri", uri);
        headers.set("X-Embargoed", "2027-06-01T00:00:00Z");
        return headers;
    }

    private static HttpHeaders signed(HttpHeaders headers, String id, Instant at, String secret) {
        HttpHeaders signed = new HttpHeaders();
        signed.addAll(headers);
        signed.set(PartnerAuthenticator.API_KEY_HEADER, secret.startsWith("agency") ? "agency-key" : "old-key");
        signed.set(WebhookSignature.ID_HEADER, id);
        signed.set(WebhookSignature.TIMESTAMP_HEADER, Long.toString(at.getEpochSecond()));
        signed.set(WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(secret, id, at.getEpochSecond(), headers, BODY));
        return signed;
    }

    @Test
    void aFreshlySignedPushIsThePartners() {
        assertThat(authenticator.authenticate(signed(story("urn:x:1"), "msg-1", NOW, "agency-secret"), BODY))
                .isEqualTo(agency);
    }

    @Test
    void theSignedContentIsIdTimestampTheSignedHeadersThenTheBody() {
        byte[] content = WebhookSignature.signedContent("msg-1", "1772600767", story("urn:x:1"), BODY);

        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("msg-1.1772600767.content-type:text/plain; "
                + "charset=utf-8\ncontent-language:\nx-story-uri:urn:x:1\nx-story-version:\nx-first-created:\n"
                + "x-embargoed:2027-06-01T00:00:00Z\n\nMarkets rally\n\nStocks rose.");
    }

    @Test
    void aReplayedPushIsRefusedEvenWithItsValidSignature() {
        HttpHeaders push = signed(story("urn:x:1"), "msg-1", NOW, "agency-secret");
        authenticator.authenticate(push, BODY);

        assertThatExceptionOfType(PartnerUnauthorizedException.class)
                .isThrownBy(() -> authenticator.authenticate(push, BODY))
                .withMessage("webhook-id msg-1 was already used; every push needs a new id, a retry too");
    }

    @Test
    void aPushOutsideTheToleranceIsRefusedEitherWay() {
        for (Duration off : List.of(Duration.ofSeconds(-301), Duration.ofSeconds(301))) {
            HttpHeaders push = signed(story("urn:x:1"), "msg-" + off, NOW.plus(off), "agency-secret");
            assertThatExceptionOfType(PartnerUnauthorizedException.class)
                    .isThrownBy(() -> authenticator.authenticate(push, BODY))
                    .withMessageContaining("is more than 300 seconds from the newsroom's clock");
        }
        assertThat(authenticator.authenticate(signed(story("urn:x:1"), "msg-edge", NOW.minusSeconds(300),
                "agency-secret"), BODY)).isEqualTo(agency);
    }

    @Test
    void noHeaderTheStoryDependsOnCanBeChangedOrDroppedUnderTheSignature() {
        HttpHeaders original = signed(story("urn:x:1"), "msg-1", NOW, "agency-secret");
        for (String header : WebhookSignature.SIGNED_HEADERS) {
            HttpHeaders changed = new HttpHeaders();
            changed.addAll(original);
            changed.set(header, "changed");
            HttpHeaders dropped = new HttpHeaders();
            dropped.addAll(original);
            dropped.remove(header);
            for (HttpHeaders tampered : List.of(changed, dropped)) {
                if (tampered.getFirst(header) == null && original.getFirst(header) == null) {
                    continue;
                }
                assertThatExceptionOfType(PartnerUnauthorizedException.class).as(header)
                        .isThrownBy(() -> authenticator.authenticate(tampered, BODY))
                        .withMessage(PartnerAuthenticator.NOT_PROVEN);
            }
        }
    }

    @Test
    void anUnknownKeyAndAWrongSecretGetTheSameAnswer() {
        HttpHeaders unknownKey = signed(story("urn:x:1"), "msg-1", NOW, "agency-secret");
        unknownKey.set(PartnerAuthenticator.API_KEY_HEADER, "no-such-key");
        HttpHeaders wrongSecret = signed(story("urn:x:1"), "msg-2", NOW, "agency-wrong");
        wrongSecret.set(PartnerAuthenticator.API_KEY_HEADER, "agency-key");

        for (HttpHeaders push : List.of(unknownKey, wrongSecret)) {
            assertThatExceptionOfType(PartnerUnauthorizedException.class)
                    .isThrownBy(() -> authenticator.authenticate(push, BODY))
                    .withMessage(PartnerAuthenticator.NOT_PROVEN);
        }
    }

    @Test
    void theBodyOnlySignatureIsAcceptedOnlyFromAPartnerStillAllowedIt() {
        HttpHeaders agencyLegacy = story("urn:x:1");
        agencyLegacy.set(PartnerAuthenticator.API_KEY_HEADER, "agency-key");
        agencyLegacy.set(PartnerAuthenticator.SIGNATURE_HEADER, RequestSignature.sign("agency-secret", BODY));
        HttpHeaders migratingLegacy = story("urn:x:1");
        migratingLegacy.set(PartnerAuthenticator.API_KEY_HEADER, "old-key");
        migratingLegacy.set(PartnerAuthenticator.SIGNATURE_HEADER, RequestSignature.sign("old-secret", BODY));

        assertThatExceptionOfType(PartnerUnauthorizedException.class)
                .isThrownBy(() -> authenticator.authenticate(agencyLegacy, BODY))
                .withMessageStartingWith("Sign with webhook-id, webhook-timestamp and webhook-signature");
        assertThat(authenticator.authenticate(migratingLegacy, BODY)).isEqualTo(migrating);
        assertThat(authenticator.authenticate(signed(story("urn:x:1"), "msg-1", NOW, "old-secret"), BODY))
                .isEqualTo(migrating);
    }
}
