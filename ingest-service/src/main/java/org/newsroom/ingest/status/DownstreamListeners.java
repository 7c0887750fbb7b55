package org.newsroom.ingest.status;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.PublishedArticleEvent;
import org.newsroom.contract.Topic;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.state.FollowedTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Feeds the enriched and published topics, read as their contract records, into {@link DownstreamStages}. */
@Configuration(proxyBeanMethods = false)
class DownstreamListeners {

    @Bean
    FollowedTopic<EnrichedArticleEvent> enrichedStages(DownstreamStages stages) {
        return new FollowedTopic<>() {

            @Override
            public Topic<String, EnrichedArticleEvent> topic() {
                return Topics.ENRICHED;
            }

            @Override
            public void apply(String uri, @Nullable EnrichedArticleEvent enriched) {
                if (enriched != null) {
                    stages.enriched(enriched.article().uri(),
                            new StageReached(enriched.article().version(), enriched.enrichment().enrichedAt()));
                }
            }

            @Override
            public void caughtUp() {
                stages.enrichedCaughtUp();
            }
        };
    }

    @Bean
    FollowedTopic<PublishedArticleEvent> publishedStages(DownstreamStages stages) {
        return new FollowedTopic<>() {

            @Override
            public Topic<String, PublishedArticleEvent> topic() {
                return Topics.PUBLISHED;
            }

            @Override
            public void apply(String uri, @Nullable PublishedArticleEvent receipt) {
                if (receipt != null) {
                    stages.published(receipt.uri(), new StageReached(receipt.version(), receipt.publishedAt()));
                }
            }

            @Override
            public void caughtUp() {
                stages.publishedCaughtUp();
            }
        };
    }
}
