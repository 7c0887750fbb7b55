package org.newsroom.enrich.aliases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.EntityLink;
import org.newsroom.contract.EntityType;

/** The shipped alias table, loaded as the service loads it. */
class AliasTableTest {

    private static AliasTable table;

    @BeforeAll
    static void load() {
        table = AliasTable.load("entities/aliases-v2.tsv");
    }

    @Test
    void knowsSeveralThousandAliasesUnderItsVersion() {
        assertThat(table.version()).isEqualTo("aliases-v2");
        assertThat(table.size()).isGreaterThan(5000);
    }

    @Test
    void linksKnownNamesWithTheirExactWikidataIdIgnoringCaseAndWhitespace() {
        assertThat(table.lookup("deepmind").map(KnownEntity::link)).contains(
                new EntityLink("Q15733006", "https://en.wikipedia.org/wiki/Google_DeepMind"));
        assertThat(table.lookup("United   Nations")).contains(new KnownEntity("Q1065", "United Nations",
                EntityType.ORGANIZATION, "https://en.wikipedia.org/wiki/United_Nations"));
        assertThat(table.lookup("Angela Merkel").map(KnownEntity::link).map(EntityLink::wikidataId)).contains("Q567");
        assertThat(table.lookup("Georgia")).contains(new KnownEntity("Q230", "Georgia", EntityType.LOCATION,
                "https://en.wikipedia.org/wiki/Georgia_(country)"));
    }

    @Test
    void knowsPlacesWithoutAVerifiedIdButNeverLinksThem() {
        assertThat(table.lookup("Bavaria")).hasValueSatisfying(bavaria -> {
            assertThat(bavaria.type()).isEqualTo(EntityType.LOCATION);
            assertThat(bavaria.link()).isNull();
        });
    }

    @Test
    void doesNotKnowUnknownNames() {
        assertThat(table.lookup("Initech")).isEmpty();
        assertThat(table.lookup("AI")).isEmpty();
    }

    @Test
    void sharesOneEntityBetweenItsAliases() {
        assertThat(table.lookup("DeepMind").orElseThrow()).isSameAs(table.lookup("Google DeepMind").orElseThrow());
    }

    @Test
    void rejectsADuplicateAlias() {
        assertThatThrownBy(() -> AliasTable.parse("bad", List.of(
                "Acme\t\tAcme\tORGANIZATION\t\tno", "ACME\t\tAcme\tORGANIZATION\t\tno")))
                .hasMessage("duplicate alias in alias table: ACME");
    }
}
