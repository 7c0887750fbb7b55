package org.newsroom.enrich.messaging;

import org.newsroom.enrich.related.LuceneArchive;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** Follows the article topic into the archive index, unless switched off for a test without a broker. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "newsroom.enrich.related.follow-archive", havingValue = "true", matchIfMissing = true)
class ArchiveFollowerConfiguration {

    @Bean
    ArchiveFollower archiveFollower(LuceneArchive archive,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new ArchiveFollower(archive, bootstrapServers, JsonMapper.builder().build());
    }
}
