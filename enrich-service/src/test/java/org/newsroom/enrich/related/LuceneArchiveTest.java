package org.newsroom.enrich.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityLink;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.RelatedLink;
import org.newsroom.contract.TextField;

/** Ranking of related earlier articles on a small hand-written archive. */
class LuceneArchiveTest {

    private static final Entity DEEPMIND = entity("Google DeepMind", EntityType.ORGANIZATION, "Q15733006", 0.9);
    private static final Entity A24 = entity("A24", EntityType.ORGANIZATION, "Q18211349", 0.7);
    private static final Entity CANNES = entity("Cannes", EntityType.LOCATION, "Q39984", 0.5);
    private static final Entity PORTO = entity("Porto", EntityType.LOCATION, "Q36433", 0.9);

    /** The archive's entity finder, scripted per article. */
    private static final Map<String, List<Entity>> ARCHIVED_ENTITIES = Map.of(
            "urn:test:deal", List.of(DEEPMIND, A24),
            "urn:test:cannes", List.of(entity("A24", EntityType.ORGANIZATION, "Q18211349", 0.9), CANNES),
            "urn:test:floods", List.of(PORTO),
            "urn:test:later", List.of(DEEPMIND, A24));

    private static final ArticleEvent CURRENT = article("urn:test:current", "2026-01-10",
            "Google DeepMind and A24 expand film deal",
            "Google DeepMind and the studio A24 expand their film deal to animation.");
    private static final List<Entity> CURRENT_ENTITIES = List.of(
            entity("Google DeepMind", EntityType.ORGANIZATION, "Q15733006", 0.95),
            entity("A24", EntityType.ORGANIZATION, "Q18211349", 0.8));
    private static final List<RelatedLink> EXPECTED_RELATED = List.of(
            new RelatedLink("urn:test:deal", "Google DeepMind signs film deal with A24", 0.649,
                    "shared entities: Google DeepMind, A24; shared terms: deal, film, studio"),
            new RelatedLink("urn:test:cannes", "A24 film wins award at Cannes", 0.309,
                    "shared entities: A24; shared terms: film, studio"));

    private LuceneArchive archive;

    @BeforeEach
    void fillArchive() {
        archive = filledArchive(false);
    }

    /** The hand-written archive, in one segment or, refreshed after every article, in one segment per article. */
    private static LuceneArchive filledArchive(boolean segmentPerArticle) {
        LuceneArchive filled = new LuceneArchive(article -> ARCHIVED_ENTITIES.getOrDefault(article.uri(), List.of()), 5,
                0.1, 16);
        List.of(article("urn:test:deal", "2026-01-01", "Google DeepMind signs film deal with A24",
                        "Google DeepMind will build AI tools for the film studio A24 under a three-year deal."),
                article("urn:test:cannes", "2026-01-02", "A24 film wins award at Cannes",
                        "The studio A24 took the top award at Cannes for a film about a lighthouse keeper."),
                article("urn:test:floods", "2026-01-03", "Floods hit Porto after storm",
                        "Rivers burst their banks in Porto after two days of heavy rain."),
                article("urn:test:later", "2026-02-01", "Google DeepMind and A24 extend film deal",
                        "Google DeepMind and A24 extend their film deal by two years."))
                .forEach(article -> {
                    filled.accept(article);
                    if (segmentPerArticle) {
                        filled.refresh();
                    }
                });
        filled.refresh();
        return filled;
    }

    @AfterEach
    void closeArchive() throws Exception {
        archive.close();
    }

    @Test
    void ranksEarlierArticlesBySharedEntitiesAndTermsWithReasons() {
        // When
        List<RelatedLink> related = archive.compare(CURRENT, CURRENT_ENTITIES).related();

        // Then: the later article and the unrelated one are not there
        assertThat(related).containsExactlyElementsOf(EXPECTED_RELATED);
    }

    /** The live archive gets a new segment at every refresh; the idf must count documents in all of them. */
    @Test
    void scoresTheSameWhenTheArchiveIsSpreadOverManySegments() throws Exception {
        // Given
        try (LuceneArchive segmented = filledArchive(true)) {

            // When
            List<RelatedLink> related = segmented.compare(CURRENT, CURRENT_ENTITIES).related();

            // Then
            assertThat(related).containsExactlyElementsOf(EXPECTED_RELATED);
        }
    }

    /**
     * Comparisons remember document frequencies per segment and decoded candidate vectors; what
     * they remember must not outlive the archive it came from. An archive that compared before an
     * update and a new article scores afterwards exactly like the same archive that never compared.
     */
    @Test
    void remembersNothingThatTheArchiveChangedSince() throws Exception {
        // Given
        ArticleEvent rewritten = article("urn:test:cannes", "2026-01-02", "A24 film wins award at Cannes",
                "Google DeepMind congratulated A24, whose film about a lighthouse keeper won the top award at Cannes.");
        ArticleEvent added = article("urn:test:animation", "2026-01-05", "A24 studio turns to animation",
                "The studio A24 will expand into animation with tools from the film deal.");
        try (LuceneArchive warm = filledArchive(true); LuceneArchive cold = filledArchive(true)) {
            warm.compare(CURRENT, CURRENT_ENTITIES);

            // When
            for (LuceneArchive changed : List.of(warm, cold)) {
                changed.accept(rewritten);
                changed.refresh();
                changed.accept(added);
                changed.refresh();
            }

            // Then
            ArchiveComparison afterwards = warm.compare(CURRENT, CURRENT_ENTITIES);
            assertThat(afterwards).isEqualTo(cold.compare(CURRENT, CURRENT_ENTITIES));
            assertThat(afterwards.related()).extracting(RelatedLink::uri).contains("urn:test:animation");
            assertThat(afterwards.related()).filteredOn(link -> link.uri().equals("urn:test:cannes"))
                    .singleElement().extracting(RelatedLink::score)
                    .isNotEqualTo(EXPECTED_RELATED.stream().filter(link -> link.uri().equals("urn:test:cannes"))
                            .findFirst().orElseThrow().score());
        }
    }

    /**
     * The keywords come from the same comparison as the related articles: the current story's
     * words that no archived article has lead, the words it shares with the archive follow, and
     * the entities' names are left to the entities.
     */
    @Test
    void keywordsAreTheTermsRarestInTheArchiveLeavingOutEntityNames() {
        // Given: the entities with their mentions in the current article
        List<Entity> entities = List.of(
                new Entity("Google DeepMind", EntityType.ORGANIZATION, mentions("Google DeepMind"), 0.95, 0.9,
                        new EntityLink("Q15733006", null)),
                new Entity("A24", EntityType.ORGANIZATION, mentions("A24"), 0.8, 0.9,
                        new EntityLink("Q18211349", null)));

        // When
        ArchiveComparison comparison = archive.compare(CURRENT, entities);

        // Then: expand and animation are in no archived article; deal and studio in two, film in three
        assertThat(comparison.keywords()).containsExactly("expand", "animation", "deal", "film", "studio");
        assertThat(comparison.related()).extracting(RelatedLink::uri).containsExactly("urn:test:deal", "urn:test:cannes");
    }

    @Test
    void resolvesAReadMoreTitleToTheLatestEarlierArticleWithThatHeadline() {
        // Given
        ArticleEvent current = article("urn:test:current", "2026-01-10", "Weather", "Read more Floods hit Porto after storm →");

        // When / Then
        assertThat(archive.earlierWithHeadline(current, "floods hit porto after storm."))
                .contains(new RelatedLink("urn:test:floods", "Floods hit Porto after storm", 1.0, "same headline"));
        assertThat(archive.earlierWithHeadline(current, "Google DeepMind and A24 extend film deal")).isEmpty();
    }

    @Test
    void forgetsAKilledArticle() {
        // Given
        ArticleEvent killed = new ArticleEvent(1, "evt-kill", ArticleAction.KILLED, "urn:test:floods", 2, "", "",
                "Test Wire", "partner-1", "en", Instant.parse("2026-01-03T00:00:00Z"), Instant.parse("2026-01-04T00:00:00Z"), List.of());

        // When
        archive.accept(killed);
        archive.refresh();

        // Then
        assertThat(archive.contains("urn:test:floods")).isFalse();
        assertThat(archive.contains("urn:test:deal")).isTrue();
    }

    private static ArticleEvent article(String uri, String day, String headline, String body) {
        Instant created = Instant.parse(day + "T08:00:00Z");
        return new ArticleEvent(1, "evt-" + uri, ArticleAction.PUBLISHED, uri, 1, headline, body, "Test Wire",
                "partner-1", "en", created, created, List.of());
    }

    /** The first mention of the name in the current article's headline and in its body. */
    private static List<Mention> mentions(String name) {
        int inHeadline = CURRENT.headline().indexOf(name);
        int inBody = CURRENT.body().indexOf(name);
        return List.of(new Mention(TextField.HEADLINE, inHeadline, inHeadline + name.length(), name),
                new Mention(TextField.BODY, inBody, inBody + name.length(), name));
    }

    private static Entity entity(String name, EntityType type, String qid, double salience) {
        return new Entity(name, type, List.of(), salience, 0.9, new EntityLink(qid, null));
    }
}
