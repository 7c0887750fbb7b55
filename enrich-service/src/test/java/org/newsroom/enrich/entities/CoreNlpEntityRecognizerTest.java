package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;
import org.newsroom.enrich.EnrichProperties;

/**
 * Runs the real CoreNLP pipeline with only the 4-class CRF model on the classpath (the build
 * unpacks nothing else). Building the pipeline takes seconds, so the class shares one instance.
 */
class CoreNlpEntityRecognizerTest {

    private static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    private static CoreNlpEntityRecognizer recognizer;
    private static String headline;
    private static String body;

    @BeforeAll
    static void buildRecognizerAndReadSample() throws IOException {
        recognizer = new CoreNlpEntityRecognizer(EnrichProperties.Ner.alone("corenlp-4.5.10", MODEL));
        try (InputStream sample = CoreNlpEntityRecognizerTest.class
                .getResourceAsStream("/samples/partner-story-deepmind-a24.txt")) {
            String story = new String(sample.readAllBytes(), StandardCharsets.UTF_8);
            int endOfHeadline = story.indexOf('\n');
            headline = story.substring(0, endOfHeadline);
            body = story.substring(endOfHeadline + 1);
        }
    }

    @Test
    void findsGoogleDeepMindAsOrganizationInHeadlineAndBody() {
        // When
        List<RecognizedMention> mentions = recognizer.recognize(headline, body);

        // Then: headline offset 0, body offsets 0 (first paragraph) and 176 (second paragraph)
        assertThat(mentions)
                .filteredOn(recognized -> recognized.type() == EntityType.ORGANIZATION)
                .extracting(RecognizedMention::mention)
                .filteredOn(mention -> mention.text().equals("Google DeepMind"))
                .containsExactly(
                        new Mention(TextField.HEADLINE, 0, 15, "Google DeepMind"),
                        new Mention(TextField.BODY, 0, 15, "Google DeepMind"),
                        new Mention(TextField.BODY, 176, 191, "Google DeepMind"));
    }

    @Test
    void everyMentionTextIsTheSubstringOfItsFieldAtItsOffsets() {
        // When
        List<RecognizedMention> mentions = recognizer.recognize(headline, body);

        // Then
        assertThat(mentions).isNotEmpty().allSatisfy(recognized -> {
            Mention mention = recognized.mention();
            String field = mention.field() == TextField.HEADLINE ? headline : body;
            assertThat(field.substring(mention.start(), mention.end())).isEqualTo(mention.text());
        });
    }

    /**
     * What the 4-class model alone tags in the sample. It misses A24, tags the appositive "Google
     * DeepMind, the AI research laboratory" as a PERSON, "AI" as a place and misreads the
     * capitalised teaser line "Read more ServiceNow and IBM Deepen Partnership in New Collaboration
     * Deal" — which stays one sentence of its own because line breaks end sentences. These are the
     * weaknesses the refinements fix ({@link SampleStoryEntitiesTest}). Every mention carries the
     * CRF's probability of its label.
     */
    @Test
    void tagsTheSampleWithTheModelsKnownWeaknesses() {
        // When
        List<RecognizedMention> mentions = recognizer.recognize(headline, body);

        // Then
        assertThat(mentions)
                .extracting(recognized -> recognized.mention().text(), RecognizedMention::type)
                .containsExactly(
                        tuple("Google DeepMind", EntityType.ORGANIZATION),
                        tuple("Google DeepMind", EntityType.ORGANIZATION),
                        tuple("Google DeepMind", EntityType.ORGANIZATION),
                        tuple("Google DeepMind", EntityType.PERSON),
                        tuple("AI", EntityType.LOCATION),
                        tuple("ServiceNow", EntityType.ORGANIZATION),
                        tuple("IBM Deepen Partnership", EntityType.ORGANIZATION),
                        tuple("New Collaboration Deal", EntityType.LOCATION),
                        tuple("Hollywood", EntityType.LOCATION),
                        tuple("Silicon Valley", EntityType.LOCATION),
                        tuple("Yahoo Finance", EntityType.ORGANIZATION));
        assertThat(mentions).allSatisfy(recognized -> assertThat(recognized.confidence()).isBetween(0.3, 1.0));
    }

    /**
     * The confidence is the CRF's own probability of the label: near 1 for a plain name in a plain
     * sentence, and telling for the appositive that the model got wrong.
     */
    @Test
    void aClearNameGetsAHighConfidenceAndAMisreadOneALowOne() {
        // When
        List<RecognizedMention> clear = recognizer.recognize("Merkel visits Berlin",
                "Angela Merkel met the mayor of Berlin on Tuesday.");
        List<RecognizedMention> sample = recognizer.recognize(headline, body);

        // Then
        assertThat(clear).extracting(recognized -> recognized.mention().text(), RecognizedMention::type)
                .contains(tuple("Angela Merkel", EntityType.PERSON), tuple("Berlin", EntityType.LOCATION));
        assertThat(clear).allSatisfy(recognized -> assertThat(recognized.confidence()).isBetween(0.95, 1.0));
        assertThat(sample).filteredOn(recognized -> recognized.type() == EntityType.PERSON)
                .singleElement()
                .satisfies(misread -> assertThat(misread.confidence()).isLessThan(0.7));
    }

    @Test
    void offsetsOfTheBodyDoNotShiftWithTheHeadline() {
        // Given: a headline without final punctuation, which must not run into the body
        String shortHeadline = "Talks in Geneva";
        String shortBody = "Reuters reported that talks between Iran and the United Nations resumed.";

        // When
        List<RecognizedMention> mentions = recognizer.recognize(shortHeadline, shortBody);

        // Then
        assertThat(mentions).extracting(RecognizedMention::mention, RecognizedMention::type).containsExactly(
                tuple(new Mention(TextField.HEADLINE, 9, 15, "Geneva"), EntityType.LOCATION),
                tuple(new Mention(TextField.BODY, 0, 7, "Reuters"), EntityType.ORGANIZATION),
                tuple(new Mention(TextField.BODY, 36, 40, "Iran"), EntityType.LOCATION),
                tuple(new Mention(TextField.BODY, 49, 63, "United Nations"), EntityType.ORGANIZATION));
    }

    @Test
    void aBlankBodyYieldsOnlyHeadlineMentions() {
        // When
        List<RecognizedMention> mentions = recognizer.recognize("Storm hits Lisbon", " ");

        // Then
        assertThat(mentions).extracting(RecognizedMention::mention, RecognizedMention::type).containsExactly(
                tuple(new Mention(TextField.HEADLINE, 11, 17, "Lisbon"), EntityType.LOCATION));
    }

    /**
     * CoreNLP's own entity mentions add every "he" and "his" as a PERSON; the recognizer reads the
     * CRF's labels from the tokens, so no pronoun is ever a mention, while the bare recognizer
     * still reports every run of the CRF's labels.
     */
    @Test
    void noPronounIsEverAMention() {
        // Given
        String pronounHeadline = "HE SAID SHE WOULD WIN";
        String pronounBody = "Angela Merkel arrived late. He said his party would win, and she agreed. "
                + "His rival, Olaf Scholz, said her plan was his.";

        // When
        List<RecognizedMention> mentions = recognizer.recognize(pronounHeadline, pronounBody);

        // Then
        assertThat(mentions).extracting(recognized -> recognized.mention().text())
                .contains("Angela Merkel", "Olaf Scholz")
                .allSatisfy(text -> assertThat(NameMentions.isName(List.of(text.split(" ")))).isTrue())
                .doesNotContain("He", "he", "his", "His", "she", "her", "HE", "SHE");
    }

    /** A long body is annotated in chunks that end at line breaks: the same mentions as in one piece. */
    @Test
    void aBodyLongerThanOneChunkGetsTheMentionsOfEachParagraphAtItsOffsets() {
        // Given
        String paragraph = "Angela Merkel met Emmanuel Macron in Paris, and Siemens agreed.\n";
        List<RecognizedMention> once = recognizer.recognize("", paragraph);
        int copies = 2 * CoreNlpEntityRecognizer.MAX_CHUNK / paragraph.length() + 3;
        String longBody = paragraph.repeat(copies);

        // When
        List<RecognizedMention> mentions = recognizer.recognize("", longBody);

        // Then
        assertThat(once).hasSize(4);
        assertThat(mentions).hasSize(copies * once.size());
        for (int i = 0; i < mentions.size(); i++) {
            Mention expected = once.get(i % once.size()).mention();
            int shift = (i / once.size()) * paragraph.length();
            assertThat(mentions.get(i).mention()).isEqualTo(new Mention(TextField.BODY, expected.start() + shift,
                    expected.end() + shift, expected.text()));
        }
    }

    @Test
    void aChunkEndsAfterALineBreakElseAfterWhitespaceElseAtTheLimit() {
        int limit = CoreNlpEntityRecognizer.MAX_CHUNK;
        String lines = "a".repeat(limit - 10) + "\n" + "b".repeat(limit);
        String words = "a".repeat(limit - 10) + " " + "b".repeat(limit);
        String oneToken = "c".repeat(limit + 5);

        assertThat(CoreNlpEntityRecognizer.chunkEnd(lines, 0)).isEqualTo(limit - 9);
        assertThat(CoreNlpEntityRecognizer.chunkEnd(words, 0)).isEqualTo(limit - 9);
        assertThat(CoreNlpEntityRecognizer.chunkEnd(oneToken, 0)).isEqualTo(limit);
        assertThat(CoreNlpEntityRecognizer.chunkEnd(oneToken, limit)).isEqualTo(limit + 5);
    }

    @Test
    void versionNamesEngineAndModel() {
        assertThat(recognizer.version()).isEqualTo("corenlp-4.5.10/english.conll.4class.distsim");
    }
}
