package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;

class PronounReferencesTest {

    private static final String HEADLINE = "Merkel meets Macron";
    private static final String BODY = "He said his plan was ready. Siemens agreed. Angela Merkel said she "
            + "would answer, and her aides laughed. They left.";

    @Test
    void givesEachPronounToTheNearestPersonNamedBeforeIt() {
        // Given: "He" and "his" follow Macron (the headline's last person), "she" and "her" follow
        // Angela Merkel in the body, even with an organization in between; "They" is not counted
        int merkelInBody = BODY.indexOf("Angela Merkel");
        List<EntityCluster> clusters = List.of(
                cluster("Angela Merkel", EntityType.PERSON, new Mention(TextField.HEADLINE, 0, 6, "Merkel"),
                        new Mention(TextField.BODY, merkelInBody, merkelInBody + 13, "Angela Merkel")),
                cluster("Siemens", EntityType.ORGANIZATION,
                        new Mention(TextField.BODY, BODY.indexOf("Siemens"), BODY.indexOf("Siemens") + 7, "Siemens")),
                cluster("Macron", EntityType.PERSON, new Mention(TextField.HEADLINE, 13, 19, "Macron")));

        // When
        int[] references = PronounReferences.count(clusters, HEADLINE, BODY);

        // Then
        assertThat(references).containsExactly(2, 0, 2);
    }

    @Test
    void aPronounBeforeAnyPersonCountsForNobody() {
        // Given
        List<EntityCluster> clusters = List.of(cluster("Merkel", EntityType.PERSON,
                new Mention(TextField.BODY, 20, 26, "Merkel")));

        // When
        int[] references = PronounReferences.count(clusters, "She wins", "Her rival conceded. Merkel smiled.");

        // Then
        assertThat(references).containsExactly(0);
    }

    private static EntityCluster cluster(String name, EntityType type, Mention... mentions) {
        return new EntityCluster(name, type, List.of(mentions), 1.0, null);
    }
}
