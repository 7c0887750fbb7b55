package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityLink;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;

/**
 * The whole entity extraction — CRF, gazetteer, junk and teaser filters, grouping, linking with
 * the shipped alias table, ranking — on the sample partner story whose CRF output has every known
 * weakness (see {@link CoreNlpEntityRecognizerTest}).
 */
class SampleStoryEntitiesTest {

    private static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    private static EntityExtractor extractor;
    private static String headline;
    private static String body;

    @BeforeAll
    static void buildExtractorAndReadSample() throws IOException {
        AliasTable aliases = AliasTable.load("entities/aliases-v2.tsv");
        extractor = new EntityExtractor(new RefiningEntityRecognizer(
                new CoreNlpEntityRecognizer(EnrichProperties.Ner.alone("corenlp-4.5.10", MODEL)),
                List.of(new AliasGazetteer(aliases), new JunkMentionFilter(aliases), new TeaserMentionFilter()),
                aliases.version()), aliases);
        try (InputStream sample = SampleStoryEntitiesTest.class.getResourceAsStream("/samples/partner-story-deepmind-a24.txt")) {
            String story = new String(sample.readAllBytes(), StandardCharsets.UTF_8);
            int endOfHeadline = story.indexOf('\n');
            headline = story.substring(0, endOfHeadline);
            body = story.substring(endOfHeadline + 1);
        }
    }

    /**
     * A24 is found by the gazetteer in the headline and all four body mentions; the appositive
     * PERSON reading of "Google DeepMind" is outvoted 3:1; "AI" as a place and the names of the
     * "Read more" teaser (ServiceNow, IBM) are gone. A24 has no link: its Wikidata id is not in
     * the table because it could not be verified.
     */
    @Test
    void findsMergesFiltersAndLinksTheEntitiesOfTheSampleStory() {
        // When
        List<Entity> entities = extractor.entities(headline, body);

        // Then
        assertThat(entities)
                .extracting(Entity::name, Entity::type, Entity::salience, entity -> entity.mentions().size(),
                        Entity::link)
                .containsExactly(
                        tuple("A24", EntityType.ORGANIZATION, 1.0, 5, null),
                        tuple("Google DeepMind", EntityType.ORGANIZATION, 0.94, 4,
                                new EntityLink("Q15733006", "https://en.wikipedia.org/wiki/Google_DeepMind")),
                        tuple("Hollywood", EntityType.LOCATION, 0.138, 1,
                                new EntityLink("Q34006", "https://en.wikipedia.org/wiki/Hollywood")),
                        tuple("Silicon Valley", EntityType.LOCATION, 0.137, 1, null),
                        tuple("Yahoo Finance", EntityType.ORGANIZATION, 0.061, 1, null));
        assertThat(entities.get(0).mentions()).containsExactly(
                new Mention(TextField.HEADLINE, 20, 23, "A24"),
                new Mention(TextField.BODY, 33, 36, "A24"),
                new Mention(TextField.BODY, 230, 233, "A24"),
                new Mention(TextField.BODY, 587, 590, "A24"),
                new Mention(TextField.BODY, 1881, 1884, "A24"));
        assertThat(entities.get(1).mentions()).extracting(Mention::start).containsExactly(0, 0, 176, 728);
    }

    /**
     * Every entity has a confidence: the gazetteer's fixed one for A24, which only the alias table
     * finds; near certainty for the plain place names; and for Google DeepMind the mean of three
     * hesitant ORGANIZATION readings and the PERSON reading that outvoted them, which leaves it
     * lower than the places.
     */
    @Test
    void everyEntityHasTheConfidenceOfWhatFoundIt() {
        // When
        List<Entity> entities = extractor.entities(headline, body);

        // Then
        assertThat(entities).allSatisfy(entity -> assertThat(entity.confidence()).isNotNull().isBetween(0.0, 1.0));
        assertThat(entities).filteredOn(entity -> entity.name().equals("A24"))
                .singleElement().extracting(Entity::confidence).isEqualTo(AliasGazetteer.GAZETTEER_CONFIDENCE);
        assertThat(entities).filteredOn(entity -> entity.type() == EntityType.LOCATION)
                .extracting(Entity::confidence).allSatisfy(confidence -> assertThat(confidence).isGreaterThan(0.95));
        assertThat(entities).filteredOn(entity -> entity.name().equals("Google DeepMind"))
                .singleElement().extracting(Entity::confidence).satisfies(confidence -> assertThat(confidence)
                        .isBetween(0.3, 0.8));
    }

    @Test
    void versionNamesEngineModelAndAliasTable() {
        assertThat(extractor.version()).isEqualTo("corenlp-4.5.10/english.conll.4class.distsim+aliases-v2");
    }
}
