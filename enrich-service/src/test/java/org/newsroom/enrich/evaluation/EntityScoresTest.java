package org.newsroom.enrich.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.TextField;

class EntityScoresTest {

    private static final double EXACT = 1e-9;

    @Test
    void countsOnlyExactSpanAndClassAsCorrect() {
        // Given
        List<LabeledSpan> gold = List.of(span(0, 5, "PER"), span(10, 15, "PER"), span(20, 25, "ORG"),
                span(30, 35, "LOC"));
        List<LabeledSpan> predicted = List.of(
                span(0, 5, "PER"), // correct
                span(10, 14, "PER"), // span one character short
                span(20, 25, "LOC"), // right span, wrong class
                span(30, 35, "LOC"), // correct
                span(40, 45, "MISC")); // not in the gold
        EntityScores scores = new EntityScores();

        // When
        scores.add(gold, predicted);

        // Then
        assertThat(scores.of("PER")).isEqualTo(new EntityScores.Score("PER", 2, 2, 1));
        assertThat(scores.of("ORG")).isEqualTo(new EntityScores.Score("ORG", 1, 0, 0));
        assertThat(scores.of("LOC")).isEqualTo(new EntityScores.Score("LOC", 1, 2, 1));
        assertThat(scores.of("MISC")).isEqualTo(new EntityScores.Score("MISC", 0, 1, 0));
        assertThat(scores.of("PER").f1()).isCloseTo(0.5, within(EXACT));
        assertThat(scores.of("ORG").f1()).isZero();
        assertThat(scores.of("LOC").precision()).isCloseTo(0.5, within(EXACT));
        assertThat(scores.of("LOC").recall()).isCloseTo(1.0, within(EXACT));
        assertThat(scores.of("LOC").f1()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(scores.over("PER+ORG+LOC", EntityScores.BAR_TYPES)).isEqualTo(
                new EntityScores.Score("PER+ORG+LOC", 4, 4, 2));
        EntityScores.Score overall = scores.overall();
        assertThat(overall).isEqualTo(new EntityScores.Score("overall", 4, 5, 2));
        assertThat(overall.precision()).isCloseTo(0.4, within(EXACT));
        assertThat(overall.recall()).isCloseTo(0.5, within(EXACT));
        assertThat(overall.f1()).isCloseTo(4.0 / 9, within(EXACT));
    }

    @Test
    void printsTheTable() {
        // Given
        EntityScores scores = new EntityScores();
        scores.add(List.of(span(0, 5, "PER"), span(10, 15, "ORG")), List.of(span(0, 5, "PER"), span(10, 15, "LOC")));

        // When
        String table = scores.table();

        // Then
        assertThat(table).isEqualTo("""
                type           gold   pred correct precision  recall      f1
                PER               1      1       1    1.0000  1.0000  1.0000
                ORG               1      0       0    0.0000  0.0000  0.0000
                LOC               0      1       0    0.0000  0.0000  0.0000
                MISC              0      0       0    0.0000  0.0000  0.0000
                PER+ORG+LOC       2      2       1    0.5000  0.5000  0.5000
                overall           2      2       1    0.5000  0.5000  0.5000
                """);
    }

    private static LabeledSpan span(int start, int end, String type) {
        return new LabeledSpan(TextField.BODY, start, end, type);
    }
}
