package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;
import org.newsroom.enrich.aliases.AliasTable;

class MentionClustererTest {

    private static final AliasTable ALIASES = AliasTable.parse("aliases-test", List.of(
            "Google\tQ95\tGoogle\tORGANIZATION\t\tyes",
            "Google DeepMind\tQ15733006\tGoogle DeepMind\tORGANIZATION\t\tyes",
            "Paris\tQ90\tParis\tLOCATION\t\tyes"));

    private final MentionClusterer clusterer = new MentionClusterer(ALIASES::lookup);

    @Test
    void votesTheTypeOfOneTextWeightedTowardsOrganizationAndPersonAndAveragesTheConfidenceInIt() {
        // When: ORGANIZATION 0.6 * 1.25 = 0.75 beats LOCATION 0.7 * 1.0
        List<EntityCluster> clusters = clusterer.cluster(List.of(
                body(0, "Acme", EntityType.LOCATION, 0.7),
                body(100, "Acme", EntityType.ORGANIZATION, 0.6)));

        // Then: confidence (0.6 + (1 - 0.7)) / 2: the dissenting mention leaves ORGANIZATION at most 0.3
        assertThat(clusters).extracting(EntityCluster::name, EntityCluster::type, EntityCluster::confidence,
                cluster -> cluster.mentions().size())
                .containsExactly(tuple("Acme", EntityType.ORGANIZATION, 0.45, 2));
    }

    @Test
    void anAllCapsFormNamesTheEntityOnlyWhenTheTextNeverWritesItOtherwise() {
        // When
        List<EntityCluster> clusters = clusterer.cluster(List.of(
                new RecognizedMention(new Mention(TextField.HEADLINE, 0, 12, "STORM CIARAN"), EntityType.MISC, 0.9),
                body(0, "Storm Ciaran", EntityType.MISC, 0.9),
                body(40, "IBM", EntityType.ORGANIZATION, 0.9)));

        // Then
        assertThat(clusters).extracting(EntityCluster::name).containsExactly("Storm Ciaran", "IBM");
    }

    @Test
    void aShortFormJoinsTheOneLongerEntityItIsAPrefixOrSuffixOf() {
        // When
        List<EntityCluster> clusters = clusterer.cluster(List.of(
                body(0, "Angela Merkel", EntityType.PERSON, 0.9),
                body(50, "Merkel", EntityType.PERSON, 0.8),
                body(90, "DeepMind", EntityType.PERSON, 0.5),
                body(120, "Google DeepMind", EntityType.ORGANIZATION, 0.9)));

        // Then
        assertThat(clusters).extracting(EntityCluster::name, EntityCluster::type,
                cluster -> cluster.mentions().stream().map(Mention::start).toList())
                .containsExactly(
                        tuple("Angela Merkel", EntityType.PERSON, List.of(0, 50)),
                        tuple("Google DeepMind", EntityType.ORGANIZATION, List.of(90, 120)));
    }

    @Test
    void keepsAShortFormApartWhenItIsAmbiguousIncompatibleOrKnownAsAnotherEntity() {
        // When
        List<EntityCluster> clusters = clusterer.cluster(List.of(
                body(0, "Google", EntityType.ORGANIZATION, 0.9),
                body(10, "Google DeepMind", EntityType.ORGANIZATION, 0.9),
                body(30, "Smith", EntityType.PERSON, 0.9),
                body(40, "John Smith", EntityType.PERSON, 0.9),
                body(60, "Jane Smith", EntityType.PERSON, 0.9),
                body(80, "Paris", EntityType.LOCATION, 0.9),
                body(90, "Paris Saint-Germain", EntityType.ORGANIZATION, 0.9)));

        // Then
        assertThat(clusters).extracting(EntityCluster::name).containsExactly(
                "Google", "Google DeepMind", "Smith", "John Smith", "Jane Smith", "Paris", "Paris Saint-Germain");
    }

    private static RecognizedMention body(int start, String text, EntityType type, double confidence) {
        return new RecognizedMention(new Mention(TextField.BODY, start, start + text.length(), text), type,
                confidence);
    }
}
