package org.newsroom.enrich.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.StoryCluster;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.SampleArticles;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.cluster.ClusterSettings;
import org.newsroom.enrich.cluster.LiveClusters;
import org.newsroom.enrich.entities.EntityExtractor;
import org.newsroom.enrich.entities.StandardEntityPipeline;
import org.newsroom.enrich.language.OpenNlpLanguageDetector;
import org.newsroom.enrich.related.RelatedArchive;

/**
 * The enrichment gives every article its story cluster, with the service's real entity pipeline
 * (CoreNLP loads once for this class) and the clustering settings of {@code application.yml}: the
 * sample story and another partner's rewrite of it make one cluster of two; a story about the same
 * companies but another event does not join; a correction stays, a kill leaves; and an instance
 * that has only read the enriched events (after a restart, or another instance) places the next
 * report exactly where the first instance would.
 */
class StoryClusterEnrichmentTest {

    private static final Instant MORNING = Instant.parse("2026-05-04T08:00:00Z");
    private static final String STORY_URI = "urn:newsroom:sample:partner-story-deepmind-a24";
    private static final String REWRITE_URI = "urn:metro:2026:a24-deepmind";
    private static final String FESTIVAL_HEADLINE = "A24's 'The Quiet Hour' wins the Golden Lion in Venice";
    private static final String FESTIVAL_BODY = """
            A24's drama The Quiet Hour won the Golden Lion at the Venice Film Festival on Saturday, the \
            studio's first top prize at the festival, beating twenty other films in competition.
            The jury, led by the actress Isabelle Marchand, praised its long single takes and the \
            performance of its lead, the newcomer Tomas Reyes, who plays a lighthouse keeper on the \
            Breton coast.
            A24, which this week announced a partnership with Google DeepMind, said the film had been \
            shot on 35mm film over eleven weeks in 2025, before any such deal. Google DeepMind was not \
            involved in the production.
            The Quiet Hour opens in cinemas in North America in November.""";

    private static EntityExtractor extractor;
    private static ClusterSettings settings;

    @BeforeAll
    static void loadThePipeline() {
        EnrichProperties properties = EnrichProperties.fromServiceConfiguration();
        extractor = StandardEntityPipeline.extractor(properties.ner(), AliasTable.load(properties.aliases().resource()));
        settings = EnrichProperties.serviceConfiguration("newsroom.enrich.cluster", ClusterSettings.class);
    }

    private static ArticleEnricher enricher(LiveClusters clusters) {
        return new ArticleEnricher(extractor, new OpenNlpLanguageDetector(), RelatedArchive.NONE, clusters,
                Clock.fixed(MORNING.plusSeconds(86_400), ZoneOffset.UTC));
    }

    private static ArticleEvent story() {
        return SampleArticles.article(SampleArticles.STORY, STORY_URI, "yahoo-feed", MORNING, 1);
    }

    private static ArticleEvent rewrite(long version) {
        return SampleArticles.article(SampleArticles.REWRITE, REWRITE_URI, "metro-post", MORNING.plusSeconds(5400),
                version);
    }

    @Test
    void aSecondPartnersRewriteJoinsTheSampleStorysClusterWithAReasonNamingTheSharedEntities() {
        ArticleEnricher enricher = enricher(new LiveClusters(settings));

        StoryCluster first = enricher.enrich(story()).enrichment().cluster();
        StoryCluster second = enricher.enrich(rewrite(1)).enrichment().cluster();

        String storyId = ArticleIds.fromUri(STORY_URI);
        assertThat(first).isEqualTo(new StoryCluster("c-" + storyId, storyId, 1, 1, first.reason()));
        assertThat(first.reason()).startsWith("new story");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.leadId()).isEqualTo(storyId);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.score()).isGreaterThanOrEqualTo(settings.sameEvent()).isLessThan(1);
        assertThat(second.reason()).startsWith("same event: ").contains("shared: ").contains("A24", "Google DeepMind");
    }

    @Test
    void aStoryAboutTheSameCompaniesButAnotherEventGetsACLusterOfItsOwn() {
        ArticleEnricher enricher = enricher(new LiveClusters(settings));
        StoryCluster deal = enricher.enrich(story()).enrichment().cluster();

        ArticleEvent festival = SampleArticles.event(ArticleAction.PUBLISHED, "urn:apx:venice", "apx",
                FESTIVAL_HEADLINE, FESTIVAL_BODY, MORNING.plusSeconds(7200), 1);
        EnrichedArticleEvent enriched = enricher.enrich(festival);

        assertThat(enriched.enrichment().entities()).extracting(entity -> entity.name()).contains("A24", "Google DeepMind");
        StoryCluster own = enriched.enrichment().cluster();
        assertThat(own.id()).isEqualTo("c-" + ArticleIds.fromUri("urn:apx:venice")).isNotEqualTo(deal.id());
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.reason()).startsWith("new story; closest: ");
    }

    @Test
    void aCorrectionStaysInItsClusterAndAKillLeavesItWithNoCluster() {
        ArticleEnricher enricher = enricher(new LiveClusters(settings));
        enricher.enrich(story());
        StoryCluster joined = enricher.enrich(rewrite(1)).enrichment().cluster();

        StoryCluster corrected = enricher.enrich(rewrite(2)).enrichment().cluster();
        EnrichedArticleEvent killed = enricher.enrich(SampleArticles.kill(rewrite(2)));
        StoryCluster storyAfter = enricher.enrich(SampleArticles.article(SampleArticles.STORY, STORY_URI,
                "yahoo-feed", MORNING, 2)).enrichment().cluster();

        assertThat(corrected.id()).isEqualTo(joined.id());
        assertThat(corrected.size()).isEqualTo(2);
        assertThat(killed.enrichment().cluster()).isNull();
        assertThat(killed.enrichment().entities()).isEmpty();
        assertThat(storyAfter.id()).isEqualTo(joined.id());
        assertThat(storyAfter.size()).isEqualTo(1);
    }

    @Test
    void killingTheLeadMakesTheNextEarliestMemberLead() {
        ArticleEnricher enricher = enricher(new LiveClusters(settings));
        enricher.enrich(story());
        enricher.enrich(rewrite(1));

        enricher.enrich(SampleArticles.kill(story()));
        StoryCluster rewriteAfter = enricher.enrich(rewrite(2)).enrichment().cluster();

        assertThat(rewriteAfter.id()).isEqualTo("c-" + ArticleIds.fromUri(STORY_URI));
        assertThat(rewriteAfter.leadId()).isEqualTo(ArticleIds.fromUri(REWRITE_URI));
        assertThat(rewriteAfter.size()).isEqualTo(1);
    }

    /** What a restarted instance, or a second one, holds after reading the enriched topic. */
    @Test
    void anInstanceThatAdoptedTheEnrichedEventsPlacesTheNextReportAsTheFirstInstanceWould() {
        LiveClusters first = new LiveClusters(settings);
        EnrichedArticleEvent story = enricher(first).enrich(story());
        ArticleEvent rewrite = rewrite(1);
        StoryCluster onTheFirst = enricher(first).enrich(rewrite).enrichment().cluster();

        LiveClusters second = new LiveClusters(settings);
        second.adopt(story);
        StoryCluster onTheSecond = enricher(second).enrich(rewrite).enrichment().cluster();

        assertThat(onTheSecond).isEqualTo(onTheFirst);
        assertThat(second.size()).isEqualTo(2);
    }

    /** Records of several partitions arrive in any order: an older version or one read after the kill changes nothing. */
    @Test
    void anOlderDecisionReadAfterANewerOneOrAfterTheKillChangesNothing() {
        LiveClusters deciding = new LiveClusters(settings);
        ArticleEnricher enricher = enricher(deciding);
        EnrichedArticleEvent story = enricher.enrich(story());
        EnrichedArticleEvent joined = enricher.enrich(rewrite(1));
        EnrichedArticleEvent killed = enricher.enrich(SampleArticles.kill(rewrite(1)));

        LiveClusters following = new LiveClusters(settings);
        following.adopt(killed);
        following.adopt(story);
        following.adopt(joined);

        assertThat(following.size()).isEqualTo(1);
        StoryCluster storyAgain = enricher(following).enrich(SampleArticles.article(SampleArticles.STORY, STORY_URI,
                "yahoo-feed", MORNING, 2)).enrichment().cluster();
        assertThat(storyAgain.size()).isEqualTo(1);
    }
}
