package org.newsroom.enrich.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.entities.EntityExtractor;
import org.newsroom.enrich.entities.EntityRecognizer;
import org.newsroom.enrich.entities.RecognizedMention;

/**
 * The evaluation scores what the service publishes: the mentions of the extracted entities, with
 * the class of their entity. A scripted recognizer stands in for the CRF so that every count is
 * known; the command itself is run on the same file in the README.
 */
class ConllEvaluationTest {

    /** Right except "Bavaria" (wrong class), "IG" and "Tigst" (short spans); misses "Ethiopian". */
    private static final Map<String, EntityType> SCRIPT = Map.of(
            "Siemens", EntityType.ORGANIZATION, "Germany", EntityType.LOCATION, "MUNICH", EntityType.LOCATION,
            "Roland Busch", EntityType.PERSON, "German", EntityType.MISC, "Bavaria", EntityType.ORGANIZATION,
            "IG", EntityType.ORGANIZATION, "Kenya", EntityType.LOCATION, "Tokyo|TOKYO", EntityType.LOCATION,
            "Faith Kipyegon|Tigst", EntityType.PERSON);

    @Test
    void scoresTheExtractedEntitiesOfEveryDocument() throws IOException {
        // Given
        List<ConllDocument> documents = ConllReaderTest.read("/conll/newswire-iob1.conll");
        EntityExtractor extractor = new EntityExtractor(new ScriptedRecognizer(), AliasTable.parse("none", List.of()));

        // When
        ConllEvaluation.Result result = new ConllEvaluation(extractor).evaluate(documents);

        // Then
        EntityScores scores = result.scores();
        assertThat(result.articles()).isEqualTo(2);
        assertThat(scores.of("PER")).isEqualTo(new EntityScores.Score("PER", 3, 3, 2));
        assertThat(scores.of("ORG")).isEqualTo(new EntityScores.Score("ORG", 3, 4, 2));
        assertThat(scores.of("LOC")).isEqualTo(new EntityScores.Score("LOC", 7, 6, 6));
        assertThat(scores.of("MISC")).isEqualTo(new EntityScores.Score("MISC", 2, 1, 1));
        assertThat(scores.over("PER+ORG+LOC", EntityScores.BAR_TYPES))
                .isEqualTo(new EntityScores.Score("PER+ORG+LOC", 13, 13, 10));
        assertThat(scores.overall()).isEqualTo(new EntityScores.Score("overall", 15, 14, 11));
        assertThat(scores.of("LOC").f1()).isCloseTo(12.0 / 13, within(1e-9));
    }

    /**
     * The bare model is scored on its own mentions, each with the class it gave it, through the
     * same harness: the pipeline's grouping cannot change what is counted.
     */
    @Test
    void scoresARecognizersOwnMentionsForTheBaseline() throws IOException {
        // Given
        List<ConllDocument> documents = ConllReaderTest.read("/conll/newswire-iob1.conll");

        // When
        ConllEvaluation.Result result = ConllEvaluation.ofMentions(new ScriptedRecognizer()).evaluate(documents);

        // Then: the same counts as the pipeline's over the same script, which groups nothing away
        assertThat(result.scores().over("PER+ORG+LOC", EntityScores.BAR_TYPES))
                .isEqualTo(new EntityScores.Score("PER+ORG+LOC", 13, 13, 10));
    }

    @Test
    void everyLineOfTheBaselineStartsWithItsPrefix() {
        // When
        String printed = ConllEvaluation.prefixed("bare-crf    model\ntype gold\nPER 1\n");

        // Then
        assertThat(printed.lines()).containsExactly("bare-crf    model", "bare-crf type gold", "bare-crf PER 1");
    }

    /** Tags every whole-word occurrence of the scripted names. */
    private static final class ScriptedRecognizer implements EntityRecognizer {

        @Override
        public List<RecognizedMention> recognize(String headline, String body) {
            List<RecognizedMention> mentions = new ArrayList<>();
            find(TextField.HEADLINE, headline, mentions);
            find(TextField.BODY, body, mentions);
            return mentions;
        }

        private static void find(TextField field, String text, List<RecognizedMention> mentions) {
            SCRIPT.forEach((names, type) -> {
                Matcher matcher = Pattern.compile("\\b(" + names + ")\\b").matcher(text);
                while (matcher.find()) {
                    mentions.add(new RecognizedMention(
                            new Mention(field, matcher.start(), matcher.end(), matcher.group()), type));
                }
            });
        }

        @Override
        public String version() {
            return "scripted";
        }
    }
}
