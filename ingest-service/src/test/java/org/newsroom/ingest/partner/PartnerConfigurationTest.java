package org.newsroom.ingest.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Partners as the launcher and deployments configure them: through environment variables. */
class PartnerConfigurationTest {

    private static PartnerProperties bindEnvironment(Map<String, Object> variables) {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("newsroom.ingest", PartnerProperties.class);
    }

    @Test
    void bindsPartnersFromEnvironmentVariables() {
        PartnerProperties properties = bindEnvironment(Map.of(
                "NEWSROOM_INGEST_PARTNERS_0_ID", "local",
                "NEWSROOM_INGEST_PARTNERS_0_APIKEY", "local-key",
                "NEWSROOM_INGEST_PARTNERS_0_SECRET", "local-secret",
                "NEWSROOM_INGEST_PARTNERS_1_ID", "wire",
                "NEWSROOM_INGEST_PARTNERS_1_APIKEY", "wire-key",
                "NEWSROOM_INGEST_PARTNERS_1_SECRET", "wire-secret",
                "NEWSROOM_INGEST_PARTNERS_1_ALLOWEDSOURCES", "Yahoo Finance,Other  Wire",
                "NEWSROOM_INGEST_PARTNERS_1_STORIESPERMINUTE", "30"));

        assertThat(properties.partners()).containsExactly(
                new Partner("local", "local-key", "local-secret", List.of(), 3000),
                new Partner("wire", "wire-key", "wire-secret", List.of("yahoo finance", "other wire"), 30));
        assertThat(properties.partners().get(0).mayAttributeTo("Anyone")).isTrue();
        assertThat(properties.partners().get(1).mayAttributeTo(" YAHOO   Finance ")).isTrue();
        assertThat(properties.partners().get(1).mayAttributeTo("Yahoo")).isFalse();
    }

    @Test
    void noPartnersConfiguredMeansNobodyIsAuthenticated() {
        PartnerAuthenticator authenticator = new PartnerAuthenticator(bindEnvironment(Map.of()), Clock.systemUTC(),
                new ReplayGuard());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(PartnerUnauthorizedException.class)
                .isThrownBy(() -> authenticator.authenticate("", RequestSignature.sign("any", body), body))
                .withMessage("X-Api-Key header is missing");
        assertThatExceptionOfType(PartnerUnauthorizedException.class)
                .isThrownBy(() -> authenticator.authenticate("any", RequestSignature.sign("any", body), body))
                .withMessage(PartnerAuthenticator.NOT_PROVEN);
    }

    @Test
    void refusesTwoPartnersWithTheSameKey() {
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bindEnvironment(Map.of(
                        "NEWSROOM_INGEST_PARTNERS_0_ID", "a", "NEWSROOM_INGEST_PARTNERS_0_APIKEY", "same",
                        "NEWSROOM_INGEST_PARTNERS_0_SECRET", "s1",
                        "NEWSROOM_INGEST_PARTNERS_1_ID", "b", "NEWSROOM_INGEST_PARTNERS_1_APIKEY", "same",
                        "NEWSROOM_INGEST_PARTNERS_1_SECRET", "s2")))
                .havingRootCause().withMessage("newsroom.ingest.partners[1].api-key is already used by another partner");
    }

    @Test
    void neverPrintsTheSecretOrKey() {
        assertThat(new Partner("local", "the-key", "the-secret", null))
                .hasToString("Partner[id=local, allowedSources=[], storiesPerMinute=0]");
    }

    @Test
    void signsTheBodyAsDocumented() {
        // Reference value: printf '%s' 'The quick brown fox jumps over the lazy dog' | openssl dgst -sha256 -hmac key
        assertThat(RequestSignature.sign("key",
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
