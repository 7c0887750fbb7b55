package org.newsroom.enrich.messaging;

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
 * Follows the article topic into the archive index, and starts the enrichment's binding (which
 * does not start by itself, see {@code application.yml}) once the archive has caught up. Without
 * a follower (a test without a broker) the binding starts with the application.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveFollowerConfiguration {

    static final String ENRICH_INPUT = "enrichArticle-in-0";

    /** In the readiness group as {@code archive} (see {@code application.yml}). */
    @Bean
    ArchiveReadiness archiveHealthIndicator(ObjectProvider<BindingsLifecycleController> bindings) {
        return new ArchiveReadiness(() -> bindings.getObject()
                .changeState(ENRICH_INPUT, BindingsLifecycleController.State.STARTED));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "newsroom.enrich.related.follow-archive", havingValue = "true", matchIfMissing = true)
    static class Following {

        @SuppressWarnings("unchecked")
        @Bean
        ArchiveFollowing archiveFollowing(LuceneArchive archive, ConsumerFactory<?, ?> consumers, KafkaAdmin admin,
                ArchiveReadiness archiveHealthIndicator, ArchiveProperties properties) {
            // Keys and values are read as String and bytes whatever the factory's defaults: see ArchiveFollowing.
            return new ArchiveFollowing(archive, (ConsumerFactory<String, byte[]>) consumers, admin,
                    archiveHealthIndicator, properties);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "newsroom.enrich.related.follow-archive", havingValue = "false")
    static class NotFollowing {

        /** An archive that nothing fills is as complete as it gets at once. */
        @Bean
        ApplicationListener<ApplicationStartedEvent> emptyArchiveReady(ArchiveReadiness archiveHealthIndicator) {
            return event -> archiveHealthIndicator.caughtUp();
        }
    }
}
