package org.newsroom.enrich.messaging;

import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 * send, retries, dead-letter topic) are binding configuration in {@code application.yml}, and so is
 * tracing: the binder consumes each record in the trace its {@code traceparent} header continues, and
 * the enriched record carries that trace on.
 */
@Configuration(proxyBeanMethods = false)
class EnrichArticleBinding {

    static final String ENRICHMENT_DURATION = "newsroom.enrichment.duration";

    /**
     * Enriches one article. The output record is keyed by the article uri, like every newsroom
     * topic, so that all events of one article stay in order on one partition. The enrichment is
     * timed by its outcome: a failure is retried and dead-lettered, and its (often short) time must
     * not pass for how long an article takes.
     */
    @Bean
    Function<ArticleEvent, Message<EnrichedArticleEvent>> enrichArticle(ArticleEnricher enricher,
            MeterRegistry registry) {
        return article -> {
            Timer.Sample sample = Timer.start(registry);
            String outcome = "failure";
            try {
                EnrichedArticleEvent enriched = enricher.enrich(article);
                outcome = "success";
                return MessageBuilder.withPayload(enriched)
                        .setHeader(KafkaHeaders.KEY, article.uri())
                        .build();
            }
            finally {
                sample.stop(Timer.builder(ENRICHMENT_DURATION)
                        .description("How long one article takes to enrich, by outcome")
                        .tag("outcome", outcome)
                        .register(registry));
            }
        };
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
