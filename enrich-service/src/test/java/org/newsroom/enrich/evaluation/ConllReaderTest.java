package org.newsroom.enrich.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.contract.TextField;

/** The hand-written newswire sample exists in both encodings; both must give the same articles and gold. */
class ConllReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"/conll/newswire-iob1.conll", "/conll/newswire-iob2.conll"})
    void rebuildsTheArticleTextAndTheGoldSpansOfEachDocument(String resource) throws IOException {
        // When
        List<ConllDocument> documents = read(resource);

        // Then
        assertThat(documents).hasSize(2);
        ConllDocument siemens = documents.get(0);
        assertThat(siemens.headline()).isEqualTo("Siemens to cut 2,000 jobs in Germany");
        assertThat(siemens.body()).isEqualTo("""
                MUNICH 2026-03-02
                Siemens chief executive Roland Busch said on Monday the German group would close two plants in Bavaria .
                The IG Metall union called the plan a mistake .""");
        assertThat(siemens.sentenceCount()).isEqualTo(4);
        assertThat(siemens.tokenCount()).isEqualTo(37);
        assertThat(siemens.gold()).containsExactly(
                new LabeledSpan(TextField.HEADLINE, 0, 7, "ORG"),
                new LabeledSpan(TextField.HEADLINE, 29, 36, "LOC"),
                new LabeledSpan(TextField.BODY, 0, 6, "LOC"),
                new LabeledSpan(TextField.BODY, 18, 25, "ORG"),
                new LabeledSpan(TextField.BODY, 42, 54, "PER"),
                new LabeledSpan(TextField.BODY, 74, 80, "MISC"),
                new LabeledSpan(TextField.BODY, 113, 120, "LOC"),
                new LabeledSpan(TextField.BODY, 127, 136, "ORG"));
        assertThat(documents.get(1).gold()).extracting(LabeledSpan::type)
                .containsExactly("LOC", "LOC", "LOC", "PER", "LOC", "MISC", "PER");
    }

    @Test
    void readsAFileWithoutDocstartAsOneDocumentOfTwoSentences() throws IOException {
        // Given
        String conll = "Merkel NNP B-NP B-PER\nspoke VBD B-VP O\n\nBerlin NNP B-NP B-LOC\n";

        // When
        List<ConllDocument> documents = ConllReader.read(new BufferedReader(new java.io.StringReader(conll)));

        // Then
        assertThat(documents).singleElement().satisfies(document -> {
            assertThat(document.headline()).isEqualTo("Merkel spoke");
            assertThat(document.body()).isEqualTo("Berlin");
            assertThat(document.gold()).containsExactly(new LabeledSpan(TextField.HEADLINE, 0, 6, "PER"),
                    new LabeledSpan(TextField.BODY, 0, 6, "LOC"));
        });
    }

    @Test
    void mapsAPredictedSpanOntoTheTokensItOverlaps() throws IOException {
        // Given: body "MUNICH 2026-03-02" then "Siemens chief executive Roland Busch ..."
        ConllDocument siemens = read("/conll/newswire-iob2.conll").get(0);

        // Then: inside one token, across two, exact, and in the other field
        assertThat(siemens.onTokens(new LabeledSpan(TextField.BODY, 1, 4, "LOC")))
                .isEqualTo(new LabeledSpan(TextField.BODY, 0, 6, "LOC"));
        assertThat(siemens.onTokens(new LabeledSpan(TextField.BODY, 44, 50, "PER")))
                .isEqualTo(new LabeledSpan(TextField.BODY, 42, 54, "PER"));
        assertThat(siemens.onTokens(new LabeledSpan(TextField.BODY, 18, 25, "ORG")))
                .isEqualTo(new LabeledSpan(TextField.BODY, 18, 25, "ORG"));
        assertThat(siemens.onTokens(new LabeledSpan(TextField.HEADLINE, 0, 3, "ORG")))
                .isEqualTo(new LabeledSpan(TextField.HEADLINE, 0, 7, "ORG"));
    }

    static List<ConllDocument> read(String resource) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                ConllReaderTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return ConllReader.read(reader);
        }
    }
}
