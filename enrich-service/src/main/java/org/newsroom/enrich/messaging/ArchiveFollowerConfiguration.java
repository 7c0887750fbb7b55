package org.newsroom.enrich.messaging;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.newsroom.enrich.cluster.ClusterSettings;
import org.newsroom.enrich.cluster.LiveClusters;
import org.newsroom.enrich.related.ArchiveProperties;
import org.newsroom.enrich.related.LuceneArchive;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Follows the article topic into the archive index and the enriched topic into the story
 * clusters, and starts the enrichment's binding (which does not start by itself, see
 * {@code application.yml}) once both have caught up. Without followers (a test without a broker,
 * {@code newsroom.enrich.related.follow-archive: false}) the binding starts with the application.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveFollowerConfiguration {

    static final String ENRICH_INPUT = "enrichArticle-in-0";

    /** Starts the enrichment's binding once both followers have caught up. */
    @Bean
    EnrichmentStart enrichmentStart(ObjectProvider<BindingsLifecycleController> bindings) {
        return new EnrichmentStart(() -> bindings.getObject()
                .changeState(ENRICH_INPUT, BindingsLifecycleController.State.STARTED));
    }

    /** In the readiness group as {@code archive} (see {@code application.yml}). */
    @Bean
    FollowerReadiness archiveHealthIndicator(EnrichmentStart enrichmentStart) {
        return new FollowerReadiness(enrichmentStart::oneCaughtUp);
    }

    /** In the readiness group as {@code clusters}. */
    @Bean
    FollowerReadiness clustersHealthIndicator(EnrichmentStart enrichmentStart) {
        return new FollowerReadiness(enrichmentStart::oneCaughtUp);
    }

    /** Counts down the followers still catching up, and starts the enrichment after the last. */
    static final class EnrichmentStart {

        private final AtomicInteger following = new AtomicInteger(2);
        private final Runnable start;

        EnrichmentStart(Runnable start) {
            this.start = start;
        }

        void oneCaughtUp() {
            if (following.decrementAndGet() == 0) {
                start.run();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "newsroom.enrich.related.follow-archive", havingValue = "true", matchIfMissing = true)
    static class Following {

        @SuppressWarnings("unchecked")
        @Bean
        ArchiveFollowing archiveFollowing(LuceneArchive archive, ConsumerFactory<?, ?> consumers, KafkaAdmin admin,
                FollowerReadiness archiveHealthIndicator, ArchiveProperties properties) {
            // Keys and values are read as String and bytes whatever the factory's defaults: see ArchiveFollowing.
            return new ArchiveFollowing(archive, (ConsumerFactory<String, byte[]>) consumers, admin,
                    archiveHealthIndicator, properties);
        }

        @SuppressWarnings("unchecked")
        @Bean
        ClusterFollowing clusterFollowing(LiveClusters clusters, ConsumerFactory<?, ?> consumers, KafkaAdmin admin,
                FollowerReadiness clustersHealthIndicator, ClusterSettings settings, Clock clock) {
            return new ClusterFollowing(clusters, (ConsumerFactory<String, byte[]>) consumers, admin,
                    clustersHealthIndicator, settings, clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "newsroom.enrich.related.follow-archive", havingValue = "false")
    static class NotFollowing {

        /** An archive and clusters that nothing fills are as complete as they get at once. */
        @Bean
        ApplicationListener<ApplicationStartedEvent> emptyArchiveReady(FollowerReadiness archiveHealthIndicator,
                FollowerReadiness clustersHealthIndicator) {
            return event -> {
                archiveHealthIndicator.caughtUp();
                clustersHealthIndicator.caughtUp();
            };
        }
    }
}
