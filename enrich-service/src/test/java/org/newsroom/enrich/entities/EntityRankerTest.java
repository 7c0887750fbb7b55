package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;

class EntityRankerTest {

    private static final int BODY_LENGTH = 1000;

    @Test
    void groupsMentionsByTextIgnoringCaseAndWhitespaceAndNamesTheEntityByItsMostFrequentForm() {
        // Given: mentions deliberately out of text order
        List<RecognizedMention> mentions = List.of(
                body(400, "Acme  Corp", EntityType.ORGANIZATION, 0.7),
                headline(0, "ACME CORP", EntityType.ORGANIZATION, 0.9),
                body(100, "Acme Corp", EntityType.ORGANIZATION, 0.8));

        // When
        List<Entity> entities = EntityRanker.rank(mentions, BODY_LENGTH);

        // Then: the confidence is the mean of the mentions' confidences
        assertThat(entities).containsExactly(new Entity("Acme Corp", EntityType.ORGANIZATION, List.of(
                new Mention(TextField.HEADLINE, 0, 9, "ACME CORP"),
                new Mention(TextField.BODY, 100, 109, "Acme Corp"),
                new Mention(TextField.BODY, 400, 410, "Acme  Corp")), 1.0, 0.8, null));
    }

    @Test
    void mergesTheSameTextWithDifferentTypesIntoOneEntityOfTheVotedType() {
        // When: PERSON weighs 1.25, LOCATION 1.0 per mention
        List<Entity> entities = EntityRanker.rank(List.of(
                body(0, "Washington", EntityType.PERSON),
                body(500, "Washington", EntityType.LOCATION)), BODY_LENGTH);

        // Then
        assertThat(entities).extracting(Entity::name, Entity::type, entity -> entity.mentions().size())
                .containsExactly(tuple("Washington", EntityType.PERSON, 2));
    }

    @Test
    void weighsHeadlineThenFrequencyThenEarliness() {
        // Given: Lisbon in the headline once; Porto twice in the body from offset 250;
        // Braga once at offset 0; Faro once at the very end
        List<RecognizedMention> mentions = List.of(
                headline(10, "Lisbon", EntityType.LOCATION),
                body(0, "Braga", EntityType.LOCATION),
                body(250, "Porto", EntityType.LOCATION),
                body(600, "Porto", EntityType.LOCATION),
                body(995, "Faro", EntityType.LOCATION));

        // When
        List<Entity> entities = EntityRanker.rank(mentions, BODY_LENGTH);

        // Then: Lisbon 0.5 + 0.3 * 1/2 + 0.2 = 0.85; Porto 0.3 * 2/2 + 0.2 * 0.75 = 0.45;
        // Braga 0.3 * 1/2 + 0.2 * 1 = 0.35; Faro 0.15 + 0.2 * 0.005 = 0.151
        assertThat(entities).extracting(Entity::name, Entity::salience).containsExactly(
                tuple("Lisbon", 0.85),
                tuple("Porto", 0.45),
                tuple("Braga", 0.35),
                tuple("Faro", 0.151));
    }

    @Test
    void breaksSalienceTiesByFirstMention() {
        // When
        List<Entity> entities = EntityRanker.rank(List.of(
                headline(20, "Oslo", EntityType.LOCATION),
                headline(0, "Bergen", EntityType.LOCATION)), 0);

        // Then
        assertThat(entities).extracting(Entity::name, Entity::salience).containsExactly(
                tuple("Bergen", 1.0),
                tuple("Oslo", 1.0));
    }

    @Test
    void pronounsThatReferToAPersonCountAsItsMentionsInTheFrequencyOnly() {
        // Given: two body entities of one mention each; three pronouns refer to the later one
        List<EntityCluster> clusters = List.of(
                new EntityCluster("Siemens", EntityType.ORGANIZATION,
                        List.of(new Mention(TextField.BODY, 0, 7, "Siemens")), 1.0, null),
                new EntityCluster("Olaf Scholz", EntityType.PERSON,
                        List.of(new Mention(TextField.BODY, 100, 111, "Olaf Scholz")), 1.0, null));

        // When
        List<Entity> entities = EntityRanker.rankClusters(clusters, new int[] {0, 3}, BODY_LENGTH);

        // Then: Scholz 0.3 * 4/4 + 0.2 * 0.9 = 0.48 before Siemens 0.3 * 1/4 + 0.2 = 0.275; no mention added
        assertThat(entities).extracting(Entity::name, Entity::salience)
                .containsExactly(tuple("Olaf Scholz", 0.48), tuple("Siemens", 0.275));
        assertThat(entities.get(0).mentions()).hasSize(1);
    }

    @Test
    void noMentionsNoEntities() {
        assertThat(EntityRanker.rank(List.of(), BODY_LENGTH)).isEmpty();
    }

    private static RecognizedMention headline(int start, String text, EntityType type) {
        return new RecognizedMention(new Mention(TextField.HEADLINE, start, start + text.length(), text), type);
    }

    private static RecognizedMention body(int start, String text, EntityType type) {
        return new RecognizedMention(new Mention(TextField.BODY, start, start + text.length(), text), type);
    }

    private static RecognizedMention headline(int start, String text, EntityType type, double confidence) {
        return new RecognizedMention(new Mention(TextField.HEADLINE, start, start + text.length(), text), type,
                confidence);
    }

    private static RecognizedMention body(int start, String text, EntityType type, double confidence) {
        return new RecognizedMention(new Mention(TextField.BODY, start, start + text.length(), text), type,
                confidence);
    }
}
