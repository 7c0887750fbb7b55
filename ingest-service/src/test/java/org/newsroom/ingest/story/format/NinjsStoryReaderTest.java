package org.newsroom.ingest.story.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.ledger.Intent;
import org.newsroom.ingest.story.FieldViolation;
import org.newsroom.ingest.story.StoryRejectedException;
import org.newsroom.ingest.story.StoryRequest;
import org.newsroom.ingest.story.StoryUnreadableException;
import org.newsroom.ingest.story.StoryValidator;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

public class NinjsStoryReaderTest {

    static final IngestProperties PROPERTIES = new IngestProperties(1_048_576, DataSize.ofMegabytes(8),
            Duration.ofSeconds(10), new IngestProperties.Kafka(Duration.ofSeconds(5), Duration.ofSeconds(5),
                    Duration.ofSeconds(10)), Duration.ofMinutes(5));

    private final NinjsStoryReader reader = new NinjsStoryReader(JsonMapper.builder().build(), PROPERTIES);

    public static String resource(String name) throws IOException {
        try (InputStream in = NinjsStoryReaderTest.class.getResourceAsStream("/formats/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private MappedStory read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private List<FieldViolation> violations(String json) {
        return catchThrowableOfType(StoryRejectedException.class, () -> read(json)).violations();
    }

    @Test
    void mapsAWireItemOntoTheNativeStory() throws IOException {
        MappedStory story = read(resource("ninjs-wire-story.json"));

        assertThat(story.request()).isEqualTo(new StoryRequest("urn:newsml:wire.example.com:20260302:ECB-RATES-7Q3", 3L,
                "ECB holds rates steady as Lagarde flags  \"patient\" approach",
                """
                        FRANKFURT (Wire) \u2013 The European Central Bank left interest rates unchanged on Thursday, \
                        with President Christine Lagarde saying the bank would stay patient.

                        Policymakers in Frankfurt kept the deposit rate at 2.00%, in line with expectations from \
                        economists polled by Wire.
                        Markets had priced no change.

                        Inflation outlook

                        Headline inflation: 2.1%

                        Core inflation: 2.4%

                        Read the full statement or the ECB press page.""",
                "Wire Services", "2026-03-02T06:15:00Z", "en-gb", "usable", null, "2026-03-02T07:00:00Z", null));
    }

    @Test
    void reportsEveryStructuralAndStoryViolationAtOnceWithItsPointer() {
        List<FieldViolation> violations = violations("""
                {"uri": 42, "type": "picture", "version": 2, "firstcreated": "2026-13-01", "pubstatus": "embargoed",
                 "urgency": 12, "headlines": [{"role": "main", "value": "  "}, {"value": 7}],
                 "bodies": [{"contenttype": "application/nitf+xml", "value": "<nitf/>"}],
                 "people": "Christine Lagarde", "subjects": [{"name": "rates", "relevance": "high"}],
                 "associations": [{"name": "featureimage"}]}""");

        assertThat(violations).extracting(FieldViolation::field, FieldViolation::pointer, FieldViolation::message)
                .containsExactly(
                        tuple("uri", "/uri", "must be a string"),
                        tuple("type", "/type", "must be text or composite: only text stories are accepted"),
                        tuple("version", "/version", "must be a string of digits, such as \"2\""),
                        tuple("firstcreated", "/firstcreated", "must be an RFC 3339 date-time such as 2026-01-02T03:04:05Z"),
                        tuple("pubstatus", "/pubstatus", "must be one of canceled, usable, withheld"),
                        tuple("urgency", "/urgency", "must be an integer from 1 to 9"),
                        tuple("headlines", "/headlines/1/value", "must be a string"),
                        tuple("bodies", "/bodies", "must hold a body whose contenttype is text/plain or text/html"),
                        tuple("people", "/people", "must be an array"),
                        tuple("subjects", "/subjects/0/relevance", "must be an integer from 0 to 100"),
                        tuple("associations", "/associations/0/uri", "is required"),
                        tuple("headlines", "/headlines/0/value", "must not be blank"),
                        tuple("infosources", "/infosources", "is required"));
    }

    @Test
    void aStoryViolationFoundLaterIsLocatedWhereThePartnerWroteTheField() {
        MappedStory story = read("""
                {"uri": "urn:newsml:wire.example.com:1", "version": "0",
                 "headlines": [{"value": "Headline"}], "bodies": [{"value": "Body"}],
                 "copyrightholder": "Wire", "versioncreated": "2026-03-02T09:40:12Z"}""");

        Throwable located = story.locations().locate(new StoryRejectedException(List.of(
                new FieldViolation("version", "must be at least 1"), new FieldViolation("source", "must not be blank"),
                new FieldViolation("firstCreated", "is required"), new FieldViolation("body", "must not be blank"))));

        assertThat(story.request().firstCreated()).isEqualTo("2026-03-02T09:40:12Z");
        assertThat(((StoryRejectedException) located).violations()).containsExactly(
                new FieldViolation("version", "must be at least 1", "/version"),
                new FieldViolation("copyrightholder", "must not be blank", "/copyrightholder"),
                new FieldViolation("versioncreated", "is required", "/versioncreated"),
                new FieldViolation("bodies", "must not be blank", "/bodies/0/value"));
        assertThat(located).hasMessage("/version must be at least 1; /copyrightholder must not be blank; "
                + "/versioncreated is required; /bodies/0/value must not be blank");
    }

    @Test
    void theEmbargoTimeIsCarriedIntoTheNativeStoryAndAMalformedOneNamedByItsPointer() {
        String item = """
                {"uri": "urn:newsml:wire.example.com:2", "headlines": [{"value": "Headline"}],
                 "bodies": [{"contenttype": "text/plain", "value": "Body"}], "infosources": [{"name": "Wire"}],
                 "firstcreated": "2026-03-01T00:00:00Z", "embargoed": "%s"}""";

        assertThat(read(item.formatted("2026-03-04T05:06:08+01:00")).request().embargoed())
                .isEqualTo("2026-03-04T04:06:08Z");
        assertThat(violations(item.formatted("tomorrow"))).extracting(FieldViolation::pointer)
                .containsExactly("/embargoed");
    }

    @Test
    void aCanceledOrWithheldItemCarriesItsPubstatusIntoTheNativeKillPath() {
        String item = """
                {"uri": "urn:newsml:wire.example.com:3", "pubstatus": "%s", "headlines": [{"value": "Killed"}],
                 "bodies": [{"value": "<p>Withdrawn</p>"}], "infosources": [{"name": "Wire"}],
                 "firstcreated": "2026-03-01T00:00:00Z"}""";

        MappedStory canceled = read(item.formatted("canceled"));
        MappedStory withheld = read(item.formatted("withheld"));

        assertThat(canceled.request().pubstatus()).isEqualTo("canceled");
        assertThat(withheld.request().pubstatus()).isEqualTo("withheld");
        assertThat(new StoryValidator(PROPERTIES.maxBodyChars()).validate(canceled.request()).intent())
                .isEqualTo(Intent.KILL);
        assertThat(canceled.request().body()).isEqualTo("Withdrawn");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsUnreadable() {
        assertThat(catchThrowableOfType(StoryUnreadableException.class, () -> read("[1, 2]")))
                .hasMessage("Request body must be a JSON object");
        assertThat(catchThrowableOfType(StoryUnreadableException.class, () -> read("{\"uri\": ")).jsonFailure())
                .isNotNull();
    }
}
