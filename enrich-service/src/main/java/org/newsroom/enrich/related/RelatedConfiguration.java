package org.newsroom.enrich.related;

import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.entities.ArchiveEntityFinder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The archive index of earlier articles; the Kafka side that fills it lives in messaging. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArchiveProperties.class)
class RelatedConfiguration {

    @Bean(destroyMethod = "close")
    LuceneArchive luceneArchive(EnrichProperties properties, ArchiveProperties archive, AliasTable aliases) {
        EnrichProperties.Related related = properties.related();
        ArchiveEntityFinder entities = new ArchiveEntityFinder(aliases);
        if (archive.directory() == null) {
            return new LuceneArchive(entities, related.maxResults(), related.minScore(), related.cachedCandidates());
        }
        return ArchiveIndex.open(archive.directory(), entities, related.maxResults(), related.minScore(),
                related.cachedCandidates());
    }
}
