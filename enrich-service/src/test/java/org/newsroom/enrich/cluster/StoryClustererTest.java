package org.newsroom.enrich.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.Entity;
import org.newsroom.contract.EntityType;
import org.newsroom.contract.StoryCluster;
import org.newsroom.enrich.cluster.ClusterDecision.Change;

/** Membership, leads, corrections, kills and the window, with entities given by hand. */
class StoryClustererTest {

    private static final Instant NOON = Instant.parse("2026-05-04T12:00:00Z");
    private static final String FLASH = "Google DeepMind and the film studio A24 agreed a partnership on Monday, the "
            + "first between an artificial intelligence lab and a major film company; no terms were given.";
    private static final String WIRE = "Google DeepMind and the independent film studio A24 agreed a partnership on "
            + "Monday, the first between a leading artificial intelligence lab and a major film company. The two "
            + "gave no financial terms and named no project. A24 is behind a string of award-winning films.";
    private static final String OTHER = "Google DeepMind published a weather model that forecast the paths of "
            + "tropical cyclones five days ahead more accurately than conventional physics models.";
    private static final List<Entity> DEEPMIND_A24 = List.of(entity("Google DeepMind", 0.9), entity("A24", 0.8));
    private static final List<Entity> DEEPMIND = List.of(entity("Google DeepMind", 0.9));

    private final InMemoryClusterArchive archive = new InMemoryClusterArchive(ClusterSettings.DEFAULTS);
    private final StoryClusterer clusterer = new StoryClusterer(ClusterSettings.DEFAULTS, archive);

    @Test
    void aSecondPartnersReportOfTheEventJoinsTheFirstsClusterWithAScoreAndAReason() {
        ClusterDecision first = clusterer.accept(article("urn:apx:1", "apx", FLASH, NOON, 1, ArticleAction.PUBLISHED), DEEPMIND_A24);
        ClusterDecision second = clusterer.accept(
                article("urn:metro:1", "metro-post", WIRE, NOON.plusSeconds(1800), 1, ArticleAction.PUBLISHED), DEEPMIND_A24);

        assertThat(first.change()).isEqualTo(Change.OPENED);
        assertThat(first.cluster().id()).isEqualTo("c-" + ArticleIds.fromUri("urn:apx:1"));
        assertThat(second.change()).isEqualTo(Change.JOINED);
        assertThat(second.cluster().id()).isEqualTo(first.cluster().id());
        assertThat(second.cluster().members()).extracting(ClusterMember::partnerId).containsExactly("apx", "metro-post");
        assertThat(second.reason()).startsWith("same event: ").contains("shared: Google DeepMind, A24");
        StoryCluster carried = second.storyCluster().orElseThrow();
        assertThat(carried.leadId()).isEqualTo(ArticleIds.fromUri("urn:apx:1"));
        assertThat(carried.size()).isEqualTo(2);
        assertThat(carried.score()).isEqualTo(second.score()).isGreaterThanOrEqualTo(ClusterSettings.DEFAULTS.sameEvent());
    }

    @Test
    void aStoryAboutTheSameNamesButAnotherEventOpensItsOwnCluster() {
        ClusterDecision first = clusterer.accept(article("urn:apx:1", "apx", WIRE, NOON, 1, ArticleAction.PUBLISHED), DEEPMIND_A24);
        ClusterDecision other = clusterer.accept(
                article("urn:apx:2", "apx", OTHER, NOON.plusSeconds(3600), 1, ArticleAction.PUBLISHED), DEEPMIND);

        assertThat(other.change()).isEqualTo(Change.OPENED);
        assertThat(other.cluster().id()).isNotEqualTo(first.cluster().id());
        assertThat(other.reason()).startsWith("new story; closest: ").contains("shared: Google DeepMind");
    }

    @Test
    void aCorrectionUpdatesTheMemberAndKeepsItsCluster() {
        clusterer.accept(article("urn:apx:1", "apx", FLASH, NOON, 1, ArticleAction.PUBLISHED), DEEPMIND_A24);
        ClusterDecision joined = clusterer.accept(
                article("urn:metro:1", "metro-post", WIRE, NOON.plusSeconds(600), 1, ArticleAction.PUBLISHED), DEEPMIND_A24);

        ClusterDecision corrected = clusterer.accept(article("urn:metro:1", "metro-post", WIRE + " Corrected.",
                NOON.plusSeconds(600), 2, ArticleAction.CORRECTED), DEEPMIND_A24);

        assertThat(corrected.change()).isEqualTo(Change.UPDATED);
        assertThat(corrected.cluster().id()).isEqualTo(joined.cluster().id());
        assertThat(corrected.cluster().members()).extracting(ClusterMember::version).containsExactly(1L, 2L);
        assertThat(corrected.reason()).isEqualTo(joined.reason());
        assertThat(archive.size()).isEqualTo(2);
    }

    @Test
    void killingTheLeadMakesTheNextEarliestMemberLeadAndKillingTheLastDissolvesTheCluster() {
        ClusterDecision first = clusterer.accept(article("urn:apx:1", "apx", FLASH, NOON, 1, ArticleAction.PUBLISHED), DEEPMIND_A24);
        clusterer.accept(article("urn:metro:1", "metro-post", WIRE, NOON.plusSeconds(600), 1, ArticleAction.PUBLISHED), DEEPMIND_A24);

        ClusterDecision leadKilled = clusterer.accept(article("urn:apx:1", "apx", "", NOON, 2, ArticleAction.KILLED), List.of());
        ClusterDecision lastKilled = clusterer.accept(
                article("urn:metro:1", "metro-post", "", NOON.plusSeconds(600), 2, ArticleAction.KILLED), List.of());

        assertThat(leadKilled.change()).isEqualTo(Change.LEFT);
        assertThat(leadKilled.cluster().id()).as("the id stays").isEqualTo(first.cluster().id());
        assertThat(leadKilled.cluster().lead().uri()).isEqualTo("urn:metro:1");
        assertThat(leadKilled.storyCluster()).isEmpty();
        assertThat(lastKilled.change()).isEqualTo(Change.LEFT);
        assertThat(lastKilled.cluster()).isNull();
        assertThat(archive.cluster(first.cluster().id())).isEmpty();
        assertThat(archive.size()).isZero();
    }

    @Test
    void aKillOfAnUnknownArticleChangesNothing() {
        ClusterDecision decision = clusterer.accept(article("urn:apx:9", "apx", "", NOON, 3, ArticleAction.KILLED), List.of());

        assertThat(decision.change()).isEqualTo(Change.NONE);
        assertThat(decision.cluster()).isNull();
    }

    @Test
    void aReportAfterTheWindowOpensANewClusterAndTheOldArticlesLeaveTheArchive() {
        ClusterDecision first = clusterer.accept(article("urn:apx:1", "apx", WIRE, NOON, 1, ArticleAction.PUBLISHED), DEEPMIND_A24);
        Instant later = NOON.plus(ClusterSettings.DEFAULTS.window()).plus(Duration.ofMinutes(1));

        ClusterDecision copy = clusterer.accept(article("urn:metro:1", "metro-post", WIRE, later, 1, ArticleAction.PUBLISHED),
                DEEPMIND_A24);

        assertThat(copy.change()).isEqualTo(Change.OPENED);
        assertThat(archive.size()).isEqualTo(1);
        assertThat(archive.cluster(first.cluster().id())).isEmpty();
    }

    @Test
    void aVerbatimCopyLateInTheWindowStillJoinsAsANearDuplicate() {
        clusterer.accept(article("urn:apx:1", "apx", WIRE, NOON, 1, ArticleAction.PUBLISHED), DEEPMIND_A24);

        ClusterDecision copy = clusterer.accept(article("urn:metro:1", "metro-post", WIRE, NOON.plus(Duration.ofHours(47)), 1,
                ArticleAction.PUBLISHED), List.of());

        assertThat(copy.change()).isEqualTo(Change.JOINED);
        assertThat(copy.reason()).endsWith("near-duplicate text");
    }

    /** The follower of the enriched topic adopts decisions in whatever order partitions interleave. */
    @Test
    void anAdoptedKillOutlivesOlderDecisionsButNotARepublicationAfterIt() {
        ArticleEvent story = article("urn:apx:1", "apx", WIRE, NOON, 1, ArticleAction.PUBLISHED);
        StoryCluster opened = clusterer.accept(story, DEEPMIND_A24).storyCluster().orElseThrow();
        ArticleEvent republished = article("urn:apx:1", "apx", WIRE, NOON, 3, ArticleAction.PUBLISHED);

        InMemoryClusterArchive followed = new InMemoryClusterArchive(ClusterSettings.DEFAULTS);
        StoryClusterer following = new StoryClusterer(ClusterSettings.DEFAULTS, followed);
        following.adopt(article("urn:apx:1", "apx", "", NOON, 2, ArticleAction.KILLED), List.of(), null);
        following.adopt(story, DEEPMIND_A24, opened);
        assertThat(followed.size()).isZero();

        following.adopt(republished, DEEPMIND_A24, opened);
        assertThat(followed.placement(ArticleIds.fromUri("urn:apx:1"))).get()
                .extracting(ClusterArchive.Placement::clusterId).isEqualTo(opened.id());
    }

    private static ArticleEvent article(String uri, String partner, String body, Instant firstCreated, long version,
            ArticleAction action) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, uri + "#" + version, action, uri, version,
                "Headline of " + uri, body, partner, partner, "en", firstCreated, firstCreated, List.of());
    }

    private static Entity entity(String name, double salience) {
        return new Entity(name, EntityType.ORGANIZATION, List.of(), salience, 0.9, null);
    }
}
