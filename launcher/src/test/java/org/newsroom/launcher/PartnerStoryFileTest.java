package org.newsroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerStoryFileTest {

    @TempDir
    Path dir;

    @Test
    void firstLineIsTheHeadlineTheAttributionNamesTheSourceAndReadMoreLinesAreHints() throws Exception {
        Path file = Files.writeString(dir.resolve("Partner Story.txt"),
                "Big \"News\" Today\nFirst paragraph\twith a tab.\nRead more Other \"story\" →\nContinue reading at Example Wire.\n");

        String json = PartnerStoryFile.toJson(file, Instant.parse("2026-11-24T10:00:00Z"));

        assertThat(json).isEqualTo("{\"uri\":\"urn:newsroom:sample:partner-story\","
                + "\"headline\":\"Big \\\"News\\\" Today\","
                + "\"body\":\"First paragraph\\twith a tab.\","
                + "\"source\":\"Example Wire\",\"firstCreated\":\"2026-11-24T10:00:00Z\","
                + "\"relatedHints\":[\"Other \\\"story\\\"\"]}");
    }

    @Test
    void aStoryWithoutAttributionIsMarkedUnattributed() throws Exception {
        Path file = Files.writeString(dir.resolve("s.txt"), "Headline\nBody \u0001 text\\");

        assertThat(PartnerStoryFile.toJson(file, Instant.EPOCH))
                .contains("\"body\":\"Body \\u0001 text\\\\\"")
                .contains("\"source\":\"unattributed\"");
    }

    @Test
    void aFileWithOnlyAHeadlineIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("h.txt"), "Only a headline\n");

        assertThatIllegalArgumentException().isThrownBy(() -> PartnerStoryFile.toJson(file, Instant.EPOCH))
                .withMessageContaining("no body");
    }
}
