package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;
import org.newsroom.enrich.aliases.AliasTable;

class MentionRefinementsTest {

    private static final AliasTable ALIASES = AliasTable.parse("aliases-test", List.of(
            "A24\t\tA24\tORGANIZATION\t\tyes",
            "US\tQ30\tUnited States\tLOCATION\t\tyes",
            "Reuters\tQ130879\tReuters\tORGANIZATION\t\tyes",
            "Google DeepMind\tQ15733006\tGoogle DeepMind\tORGANIZATION\t\tyes"));

    @Test
    void theGazetteerAddsKnownNamesOnWordBoundariesWhereTheModelFoundNothing() {
        // Given
        String body = "A24's film. A240 and XA24 are not it; Reuters is tagged already; US too.";
        List<RecognizedMention> tagged = List.of(mention(TextField.BODY, 38, "Reuters", EntityType.ORGANIZATION));

        // When
        List<RecognizedMention> refined = new AliasGazetteer(ALIASES).refine("A24 deal", body, tagged);

        // Then
        assertThat(refined).containsExactly(
                new RecognizedMention(new Mention(TextField.HEADLINE, 0, 3, "A24"), EntityType.ORGANIZATION, 0.9),
                new RecognizedMention(new Mention(TextField.BODY, 0, 3, "A24"), EntityType.ORGANIZATION, 0.9),
                mention(TextField.BODY, 38, "Reuters", EntityType.ORGANIZATION),
                new RecognizedMention(new Mention(TextField.BODY, 65, 67, "US"), EntityType.LOCATION, 0.9));
    }

    @Test
    void aKnownNameReplacesTheShorterPartOfItTheModelFoundButNotANameAcrossItsEdge() {
        // Given: the model found "Google" of "Google DeepMind", and "DeepMind Labs" across the second one's edge
        String body = "Google DeepMind said so. Google DeepMind Labs did not.";
        RecognizedMention google = mention(TextField.BODY, 0, "Google", EntityType.ORGANIZATION);
        RecognizedMention acrossTheEdge = mention(TextField.BODY, 32, "DeepMind Labs", EntityType.ORGANIZATION);

        // When
        List<RecognizedMention> refined = new AliasGazetteer(ALIASES).refine("Deal", body, List.of(google, acrossTheEdge));

        // Then
        assertThat(refined).containsExactly(
                new RecognizedMention(new Mention(TextField.BODY, 0, 15, "Google DeepMind"), EntityType.ORGANIZATION, 0.9),
                acrossTheEdge);
    }

    @Test
    void dropsUnknownTwoLetterCapitalPlacesButKeepsKnownOnes() {
        // Given
        List<RecognizedMention> tagged = List.of(
                mention(TextField.BODY, 0, "AI", EntityType.LOCATION),
                mention(TextField.BODY, 10, "US", EntityType.LOCATION),
                mention(TextField.BODY, 20, "EU", EntityType.ORGANIZATION));

        // When
        List<RecognizedMention> refined = new JunkMentionFilter(ALIASES).refine("", "", tagged);

        // Then
        assertThat(refined).extracting(recognized -> recognized.mention().text()).containsExactly("US", "EU");
    }

    @Test
    void dropsMentionsInsideReadMoreTeaserLinesOfTheBody() {
        // Given
        String body = "Acme grows.\nRead more Globex and Initech merge →\nAcme said so.";
        List<RecognizedMention> tagged = List.of(
                mention(TextField.BODY, 0, "Acme", EntityType.ORGANIZATION),
                mention(TextField.BODY, 22, "Globex", EntityType.ORGANIZATION),
                mention(TextField.BODY, 33, "Initech", EntityType.ORGANIZATION),
                mention(TextField.BODY, 50, "Acme", EntityType.ORGANIZATION));

        // When
        List<RecognizedMention> refined = new TeaserMentionFilter().refine("", body, tagged);

        // Then
        assertThat(refined).extracting(recognized -> recognized.mention().start()).containsExactly(0, 50);
    }

    private static RecognizedMention mention(TextField field, int start, String text, EntityType type) {
        return new RecognizedMention(new Mention(field, start, start + text.length(), text), type);
    }
}
