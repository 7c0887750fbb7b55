package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class StoryGeneratorTest {

    @Test
    void sameSeedAndNumberGiveTheSameStoryWhateverWasGeneratedBefore() {
        // Given two generators with the same seed
        StoryGenerator first = new StoryGenerator(42, "urn:newsroom:bench:t:");
        StoryGenerator second = new StoryGenerator(42, "urn:newsroom:bench:t:");
        second.story(0);
        second.story(99);

        // When both generate story 7
        Story a = first.story(7);
        Story b = second.story(7);

        // Then the stories are identical
        assertThat(a).isEqualTo(b);
        assertThat(a.uri()).isEqualTo("urn:newsroom:bench:t:7");
    }

    @Test
    void anotherSeedGivesOtherText() {
        assertThat(new StoryGenerator(1, "u:").story(0).body()).isNotEqualTo(new StoryGenerator(2, "u:").story(0).body());
    }

    @Test
    void bodiesStayWithinTheWordRangeAndVaryInLength() {
        // Given 300 stories of one seed
        StoryGenerator generator = new StoryGenerator(7, "u:");
        Set<Integer> lengths = new HashSet<>();

        // When their bodies are counted
        LongStream.range(0, 300).mapToObj(generator::story).forEach(story -> {
            // Then each is 300 to 1500 words, has a headline and no unfilled template slot
            assertThat(story.wordCount()).isBetween(StoryGenerator.MIN_WORDS, StoryGenerator.MAX_WORDS);
            assertThat(story.headline()).isNotBlank();
            assertThat(story.body()).doesNotContain("{").doesNotContain("}");
            lengths.add(story.wordCount() / 100);
        });

        // And the lengths spread over the range
        assertThat(lengths).contains(3, 14);
    }

    @Test
    void storiesNameVariedPeopleOrganisationsAndPlaces() {
        StoryGenerator generator = new StoryGenerator(3, "u:");
        Set<String> headlines = new HashSet<>();
        LongStream.range(0, 50).forEach(n -> headlines.add(generator.story(n).headline()));

        assertThat(headlines).hasSizeGreaterThan(45);
    }

    @Test
    void requestJsonEscapesQuotesAndNewlines() {
        Story story = new Story("urn:x:1", "A \"quoted\" headline", "line one\n\nline two", "Kyodo News",
                java.time.Instant.parse("2025-03-01T06:00:00Z"));

        assertThat(story.toRequestJson()).isEqualTo("{\"uri\":\"urn:x:1\",\"headline\":\"A \\\"quoted\\\" headline\","
                + "\"body\":\"line one\\n\\nline two\",\"source\":\"Kyodo News\","
                + "\"firstCreated\":\"2025-03-01T06:00:00Z\",\"language\":\"en\"}");
    }
}
