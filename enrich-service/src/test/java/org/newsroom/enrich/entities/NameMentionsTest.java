package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameMentionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Angela Merkel", "A24", "3M", "US", "the Netherlands", "IBM", "de Gaulle", "O'Brien",
            "His Holiness Pope Francis", "The Hague"})
    void keepsNames(String mention) {
        assertThat(NameMentions.isName(tokens(mention))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"he", "He", "His", "HE", "she", "her", "Her", "They", "it", "The", "this", "us", "them",
            "president", "the company", "His Her"})
    void dropsPronounsDeterminersAndLowercaseWords(String mention) {
        assertThat(NameMentions.isName(tokens(mention))).isFalse();
    }

    private static List<String> tokens(String mention) {
        return Arrays.asList(mention.split(" "));
    }
}
