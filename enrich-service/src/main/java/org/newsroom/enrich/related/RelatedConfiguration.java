package org.newsroom.enrich.related;

import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.aliases.AliasTable;
import org.newsroom.enrich.entities.ArchiveEntityFinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The archive index of earlier articles; the Kafka side that fills it lives in messaging. */
@Configuration(proxyBeanMethods = false)
class RelatedConfiguration {

    @Bean(destroyMethod = "close")
    LuceneArchive luceneArchive(EnrichProperties properties, AliasTable aliases) {
        return new LuceneArchive(new ArchiveEntityFinder(aliases), properties.related().maxResults(),
                properties.related().minScore(), properties.related().cachedCandidates());
    }
}
