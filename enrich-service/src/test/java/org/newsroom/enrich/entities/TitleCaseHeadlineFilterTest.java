package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;

class TitleCaseHeadlineFilterTest {

    private final TitleCaseHeadlineFilter filter = new TitleCaseHeadlineFilter();

    @Test
    void aTitleCaseHeadlineKeepsOnlyTheNamesTheBodyNamesToo() {
        String headline = "Climate Envoy Says Shipping Deal Is \"Within Reach\" Before Geneva Talks";
        String body = "Elena Marquez said in London that a deal was close before the talks in Geneva.";
        RecognizedMention phrase = headline(headline, "Before Geneva Talks", EntityType.ORGANIZATION);
        RecognizedMention inBody = new RecognizedMention(new Mention(TextField.BODY, 0, 13, "Elena Marquez"),
                EntityType.PERSON);

        assertThat(filter.refine(headline, body, List.of(phrase, inBody))).containsExactly(inBody);
    }

    @Test
    void aHeadlineNameTheBodyDoesNotRepeatIsKeptWhenNoneOfItsWordsIsOrdinary() {
        String headline = "Talks in Geneva";
        RecognizedMention geneva = headline(headline, "Geneva", EntityType.LOCATION);

        assertThat(filter.refine(headline, "Reuters reported that talks between Iran and the United Nations resumed.",
                List.of(geneva))).containsExactly(geneva);
    }

    @Test
    void anAllCapsHeadlineKeepsANameTheBodyWritesInItsOwnCase() {
        String headline = "STORM CIARAN FORCES CLOSURE OF CHANNEL PORTS";
        RecognizedMention storm = headline(headline, "STORM CIARAN", EntityType.MISC);

        assertThat(filter.refine(headline, "Storm Ciaran closed Dover on Thursday.", List.of(storm)))
                .containsExactly(storm);
    }

    @Test
    void aSentenceCaseHeadlineIsLeftAsTheRecognizerSawIt() {
        String headline = "EU leaders agree aid package for Ukraine after talks in Brussels";
        RecognizedMention brussels = headline(headline, "Brussels", EntityType.LOCATION);

        assertThat(filter.refine(headline, "Leaders met overnight.", List.of(brussels))).containsExactly(brussels);
    }

    @Test
    void titleCaseNeedsMostLongWordsCapitalised() {
        assertThat(TitleCaseHeadlineFilter.isTitleCase("Google DeepMind and A24 Form Unprecedented AI-Film Partnership"))
                .isTrue();
        assertThat(TitleCaseHeadlineFilter.isTitleCase("Google and A24 form an unprecedented partnership")).isFalse();
        assertThat(TitleCaseHeadlineFilter.isTitleCase("Ukraine")).isFalse();
    }

    private static RecognizedMention headline(String headline, String text, EntityType type) {
        int start = headline.indexOf(text);
        return new RecognizedMention(new Mention(TextField.HEADLINE, start, start + text.length(), text), type);
    }
}
