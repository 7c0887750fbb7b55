package org.newsroom.ingest.status;

import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.PublishedArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.state.FollowedTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Feeds the enriched and published topics, read as their contract records, into {@link DownstreamStages}. */
@Configuration(proxyBeanMethods = false)
class DownstreamListeners {

    @Bean
    FollowedTopic<EnrichedArticleEvent> enrichedStages(DownstreamStages stages) {
        return FollowedTopic.of(Topics.ENRICHED, (uri, enriched) -> stages.enriched(enriched.article().uri(),
                new StageReached(enriched.article().version(), enriched.enrichment().enrichedAt())),
                stages::enrichedCaughtUp);
    }

    @Bean
    FollowedTopic<PublishedArticleEvent> publishedStages(DownstreamStages stages) {
        return FollowedTopic.of(Topics.PUBLISHED, (uri, receipt) -> stages.published(receipt.uri(),
                new StageReached(receipt.version(), receipt.publishedAt())), stages::publishedCaughtUp);
    }
}
