package org.newsroom.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void singleLineCollapsesEveryUnicodeWhitespaceRunAndComposesAccents() {
        String headline = " \tCafe\u0301 owners\u00A0 rally\r\n\n in\u2003Paris  ";

        String normalized = TextNormalizer.singleLine(headline);

        assertThat(normalized).isEqualTo("Caf\u00E9 owners rally in Paris");
    }

    @Test
    void multiLineUnifiesLineBreaksStripsLineEndsAndKeepsAtMostOneBlankLine() {
        String body = "\r\n  First paragraph  \r\ncontinues\t\r\n\r\n\r\n\r\nSecond\u00A0 \rthird\u2028fourth \n \t\n\u3000\n\nFifth\n\n\n";

        String normalized = TextNormalizer.multiLine(body);

        assertThat(normalized).isEqualTo("First paragraph\ncontinues\n\nSecond\nthird\nfourth\n\nFifth");
    }

    @Test
    void multiLineKeepsIndentationInsideTheText() {
        String body = "Quote:\n\n    \"We are thrilled\"\n";

        String normalized = TextNormalizer.multiLine(body);

        assertThat(normalized).isEqualTo("Quote:\n\n    \"We are thrilled\"");
    }

    @Test
    void trimmedKeepsInnerSpacingButComposesAccents() {
        String text = "  urn:newsroom:Cre\u0300me  br\u00FBl\u00E9e \n";

        String normalized = TextNormalizer.trimmed(text);

        assertThat(normalized).isEqualTo("urn:newsroom:Cr\u00E8me  br\u00FBl\u00E9e");
    }
}
