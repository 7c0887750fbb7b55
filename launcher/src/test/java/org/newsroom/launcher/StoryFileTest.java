package org.newsroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryFileTest {

    @TempDir
    Path dir;

    @Test
    void theNameSaysTheContentTypeAndTheBytesStayAsTheyAre() throws IOException {
        assertThat(contentType("a.json", "{}")).isEqualTo("application/json");
        assertThat(contentType("a.ninjs.json", "{}")).isEqualTo("application/ninjs+json");
        assertThat(contentType("a.ndjson", "{}\n{}")).isEqualTo("application/x-ndjson");
        assertThat(contentType("a.rss", "<rss/>")).isEqualTo("application/rss+xml");
        assertThat(contentType("feed.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"/>")).isEqualTo("application/rss+xml");
        assertThat(contentType("feed.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")).isEqualTo("application/atom+xml");
        assertThat(contentType("doc.xml", "<other/>")).isEqualTo("application/xml");
    }

    @Test
    void plainTextCarriesItsUriInAHeader() throws IOException {
        Path file = Files.writeString(dir.resolve("Partner_Story DeepMind.TXT"), "Headline\nBody");

        StoryFile story = StoryFile.read(file);

        assertThat(story.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(story.headers()).isEqualTo(Map.of("X-Story-Uri", "urn:newsroom:sample:partner-story-deepmind"));
        assertThat(story.body()).isEqualTo(Files.readAllBytes(file));
    }

    private String contentType(String name, String content) throws IOException {
        StoryFile story = StoryFile.read(Files.writeString(dir.resolve(name), content));
        assertThat(story.headers()).isEmpty();
        return story.contentType();
    }
}
