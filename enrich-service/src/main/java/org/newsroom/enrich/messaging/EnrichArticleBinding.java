package org.newsroom.enrich.messaging;

import java.util.function.Function;

import org.apache.kafka.clients.admin.NewTopic;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.enrich.enrichment.ArticleEnricher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Binds the enrichment to Kafka: {@code enrichArticle-in-0} reads {@link Topics#ARTICLES},
 * {@code enrichArticle-out-0} writes {@link Topics#ENRICHED}. Delivery guarantees (synchronous
 * send, retries, dead-letter topic) are binding configuration in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class EnrichArticleBinding {

    /**
     * Enriches one article. The output record is keyed by the article uri, like every newsroom
     * topic, so that all events of one article stay in order on one partition.
     */
    @Bean
    Function<ArticleEvent, Message<EnrichedArticleEvent>> enrichArticle(ArticleEnricher enricher) {
        return article -> MessageBuilder.withPayload(enricher.enrich(article))
                .setHeader(KafkaHeaders.KEY, article.uri())
                .build();
    }

    @Bean
    NewTopic articlesTopic() {
        return Topics.ARTICLES.toNewTopic();
    }

    @Bean
    NewTopic enrichedTopic() {
        return Topics.ENRICHED.toNewTopic();
    }
}
