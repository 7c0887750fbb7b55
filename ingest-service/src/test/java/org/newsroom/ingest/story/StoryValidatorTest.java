package org.newsroom.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.Bounds;
import org.newsroom.ingest.ledger.Intent;

class StoryValidatorTest {

    private static final int MAX_BODY_CHARS = 40;

    private final StoryValidator validator = new StoryValidator(MAX_BODY_CHARS);

    private static StoryRequest valid() {
        return new StoryRequest("https://partner.example/stories/1", null, "Markets rally", "Stocks rose.",
                "Example Agency", "2026-01-02T03:04:05Z", null);
    }

    private static StoryRequest withUri(String uri) {
        StoryRequest base = valid();
        return new StoryRequest(uri, base.version(), base.headline(), base.body(), base.source(), base.firstCreated(),
                base.language());
    }

    @Test
    void normalizesEveryFieldOfAValidStory() {
        StoryRequest request = new StoryRequest(" urn:newsroom:story:7 ", 3L, "  Markets\n rally ",
                "Stocks rose.  \r\n\r\n\r\nBonds fell.\r\n", " Example\tAgency ", " 2026-01-02T04:04:05+01:00 ", "EN-gb");

        Story story = validator.validate(request);

        assertThat(story).isEqualTo(new Story("urn:newsroom:story:7", 3, "Markets rally", "Stocks rose.\n\nBonds fell.",
                "Example Agency", Instant.parse("2026-01-02T03:04:05Z"), "en-GB", null, List.of(), Intent.STORY));
    }

    @Test
    void everyTextFieldThatLooksLikeHtmlIsReducedToItsText() {
        StoryRequest request = new StoryRequest("urn:newsroom:story:8", null, "<b>Markets</b> rally<script>x()</script>",
                "<p>Stocks rose.</p><img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">Agency</a>",
                "2026-01-02T03:04:05Z", null, null, null, null, List.of("<i>Earlier</i> story"));

        Story story = validator.validate(request);

        assertThat(List.of(story.headline(), story.body(), story.source(), story.relatedHints().get(0)))
                .containsExactly("Markets rally", "Stocks rose.", "Agency", "Earlier story");
    }

    @Test
    void theHighestVersionIsTheOneEveryStageCarriesExactly() {
        StoryRequest base = valid();
        StoryRequest highest = new StoryRequest(base.uri(), Bounds.MAX_VERSION, base.headline(), base.body(),
                base.source(), base.firstCreated(), null);
        StoryRequest beyond = new StoryRequest(base.uri(), Bounds.MAX_VERSION + 1, base.headline(), base.body(),
                base.source(), base.firstCreated(), null);

        assertThat(validator.validate(highest).version()).isEqualTo(Bounds.MAX_VERSION);
        assertThatExceptionOfType(StoryRejectedException.class).isThrownBy(() -> validator.validate(beyond))
                .satisfies(rejected -> assertThat(rejected.violations())
                        .containsExactly(new FieldViolation("version", "must be at most 9007199254740991")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+1000000000-01-01T00:00:00Z", "-1000000000-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z" })
    void aTimeNoStageCanHoldIsRefusedNamingItsField(String time) {
        StoryRequest base = valid();
        StoryRequest request = new StoryRequest(base.uri(), null, base.headline(), base.body(), base.source(), time,
                null, null, null, time, null);

        assertThatExceptionOfType(StoryRejectedException.class).isThrownBy(() -> validator.validate(request))
                .satisfies(rejected -> assertThat(rejected.violations()).containsExactly(
                        new FieldViolation("firstCreated", "must lie between the years 0001 and 9999"),
                        new FieldViolation("embargoed", "must lie between the years 0001 and 9999")));
    }

    @Test
    void absentVersionMeansTheFirstVersion() {
        Story story = validator.validate(valid());

        assertThat(story.version()).isEqualTo(1);
    }

    @Test
    void reportsEveryMissingFieldAtOnceInRequestOrder() {
        StoryRequest empty = new StoryRequest(null, null, null, null, null, null, null);

        assertThatExceptionOfType(StoryRejectedException.class)
                .isThrownBy(() -> validator.validate(empty))
                .satisfies(rejected -> assertThat(rejected.violations()).containsExactly(
                        new FieldViolation("uri", "is required"),
                        new FieldViolation("headline", "is required"),
                        new FieldViolation("body", "is required"),
                        new FieldViolation("source", "is required"),
                        new FieldViolation("firstCreated", "is required")));
    }

    @Test
    void reportsBlankTooLongAndMalformedValues() {
        StoryRequest request = new StoryRequest("https://partner.example/" + "a".repeat(2025), 0L, "h".repeat(1001),
                " \n\t ", "s".repeat(201), "yesterday", "en_GB");

        assertThatExceptionOfType(StoryRejectedException.class)
                .isThrownBy(() -> validator.validate(request))
                .satisfies(rejected -> assertThat(rejected.violations()).containsExactly(
                        new FieldViolation("uri", "must be at most 2048 characters"),
                        new FieldViolation("version", "must be at least 1"),
                        new FieldViolation("headline", "must be at most 1000 characters"),
                        new FieldViolation("body", "must not be blank"),
                        new FieldViolation("source", "must be at most 200 characters"),
                        new FieldViolation("firstCreated", "must be an ISO-8601 instant such as 2026-01-02T03:04:05Z"),
                        new FieldViolation("language", "must be a BCP 47 language tag such as en or en-GB")));
    }

    @Test
    void acceptsTheLongestValuesAllowed() {
        String uri = "https://partner.example/" + "a".repeat(2024);
        StoryRequest request = new StoryRequest(uri, 1L, "h".repeat(1000), "b".repeat(MAX_BODY_CHARS), "s".repeat(200),
                "2026-01-02T03:04:05Z", null);

        Story story = validator.validate(request);

        assertThat(story.uri()).hasSize(2048);
        assertThat(story.headline()).hasSize(1000);
        assertThat(story.body()).hasSize(MAX_BODY_CHARS);
        assertThat(story.source()).hasSize(200);
    }

    @Test
    void aBodyLongerThanTheLimitIsTooLargeEvenIfOtherFieldsAreInvalid() {
        StoryRequest request = new StoryRequest(null, null, null, "b".repeat(MAX_BODY_CHARS + 1), null, null, null);

        assertThatExceptionOfType(StoryTooLargeException.class)
                .isThrownBy(() -> validator.validate(request))
                .satisfies(tooLarge -> assertThat(tooLarge.violations())
                        .containsExactly(new FieldViolation("body", "must be at most 40 characters")));
    }

    @Test
    void theBodyLimitCountsTheNormalizedText() {
        StoryRequest request = new StoryRequest("urn:newsroom:1", null, "h", "b".repeat(MAX_BODY_CHARS) + " \r\n\r\n",
                "s", "2026-01-02T03:04:05Z", null);

        assertThat(validator.validate(request).body()).isEqualTo("b".repeat(MAX_BODY_CHARS));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://partner.example/stories/1?rev=2#top", "HTTP://partner.example",
            "urn:newsroom:story:1", "URN:ISBN:0451450523" })
    void acceptsAbsoluteHttpUrlsAndUrns(String uri) {
        assertThat(validator.validate(withUri(uri)).uri()).isEqualTo(uri);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/stories/1", "partner.example/stories/1", "ftp://partner.example/1",
            "mailto:desk@partner.example", "https:///stories/1", "urn:x:1", "urn:newsroom:", "https://partner.example/a b" })
    void rejectsRelativeAndOtherSchemeUris(String uri) {
        assertThatExceptionOfType(StoryRejectedException.class)
                .isThrownBy(() -> validator.validate(withUri(uri)))
                .satisfies(rejected -> assertThat(rejected.violations())
                        .containsExactly(new FieldViolation("uri", "must be an absolute http(s) URL or a urn: URI")));
    }
}
