package org.newsroom.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.enrich.bench.NewswireArticles;

/** The real langdetect-183 model from the classpath. */
class OpenNlpLanguageDetectorTest {

    private static OpenNlpLanguageDetector detector;

    @BeforeAll
    static void loadModel() {
        detector = new OpenNlpLanguageDetector();
    }

    @Test
    void detectsEnglishGermanAndFrenchAsBcp47Tags() {
        assertThat(detector.detect("Google DeepMind and the film studio A24 announced a partnership that joins "
                + "artificial intelligence research and cinematic storytelling.")).contains("en");
        assertThat(detector.detect("Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für erneuerbare "
                + "Energien im kommenden Jahr deutlich zu erhöhen.")).contains("de");
        assertThat(detector.detect("Le gouvernement a annoncé mercredi une hausse importante des aides pour les "
                + "énergies renouvelables l'année prochaine.")).contains("fr");
    }

    /** Detection probes long texts chunk by chunk; a language that only starts late is still seen. */
    @Test
    void detectsLongStoriesIncludingOneThatOpensInAnotherLanguage() {
        // Given
        String german = "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für erneuerbare Energien "
                + "im kommenden Jahr deutlich zu erhöhen. ";
        String englishQuote = "\"We are not there yet,\" the minister said in English. ";

        // When / Then
        assertThat(NewswireArticles.generate(20, NewswireArticles.SEED))
                .allSatisfy(article -> assertThat(detector.detect(article.headline() + "\n" + article.body()))
                        .contains("en"));
        assertThat(detector.detect(englishQuote + german.repeat(30))).contains("de");
    }

    /**
     * An opening half in one language and half in another is not clear enough to decide: the
     * story is probed further, and its language is the one the rest of it is written in.
     */
    @Test
    void probesFurtherWhenTheOpeningMixesLanguages() {
        // Given
        String englishOpening = "\"We are not there yet, and we will not be there for a long time to come,\" the minister "
                + "said in English at the start of a press conference in Berlin on Wednesday afternoon. ";
        String german = "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für erneuerbare Energien "
                + "im kommenden Jahr deutlich zu erhöhen. ";

        // When / Then
        assertThat(detector.detect(englishOpening + german.repeat(30))).contains("de");
    }

    @Test
    void saysNothingAboutTooShortTexts() {
        assertThat(detector.detect("Talks in Geneva")).isEmpty();
    }

    @Test
    void mapsIso6393CodesToTheShortestTag() {
        assertThat(LanguageTags.fromIso6393("deu")).isEqualTo("de");
        assertThat(LanguageTags.fromIso6393("cmn")).isEqualTo("zh");
        assertThat(LanguageTags.fromIso6393("ast")).isEqualTo("ast");
    }
}
