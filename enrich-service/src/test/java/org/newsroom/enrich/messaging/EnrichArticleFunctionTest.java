package org.newsroom.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleIds;
import org.newsroom.contract.Topics;
import org.newsroom.enrich.FixedClockConfiguration;
import org.newsroom.enrich.enrichment.ArticleEnricher;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The whole {@code enrichArticle} function with its JSON conversion, on Spring Cloud Stream's
 * in-memory test binder and the real CoreNLP recognizer. The test binder is only activated by
 * {@link EnableTestBinder}, so it does not clash with the Kafka binder on the classpath; the Kafka
 * admin is switched off because this test has no broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.kafka.admin.auto-create=false", "newsroom.enrich.related.follow-archive=false",
            "newsroom.enrich.archive.directory="})
@EnableTestBinder
@Import(FixedClockConfiguration.class)
class EnrichArticleFunctionTest {

    private static final String ARTICLE_JSON = """
            {
              "schemaVersion": 1,
              "eventId": "evt-geneva-1",
              "action": "PUBLISHED",
              "uri": "urn:newsroom:partner-1:story/geneva-talks",
              "version": 3,
              "headline": "Talks in Geneva",
              "body": "Reuters reported that talks between Iran and the United Nations resumed.",
              "source": "Partner Wire",
              "partnerId": "partner-1",
              "language": "en",
              "firstCreated": "2026-03-02T09:00:00Z",
              "receivedAt": "2026-03-02T10:00:00Z",
              "relatedHints": []
            }
            """;

    @Autowired
    private InputDestination input;

    @Autowired
    private OutputDestination output;

    @Test
    void enrichesAnArticleEventIntoAnEnrichedArticleEventKeyedByUri() throws Exception {
        // Given
        Message<byte[]> article = MessageBuilder.withPayload(ARTICLE_JSON.getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                .build();

        // When
        input.send(article, Topics.ARTICLES.name());
        Message<byte[]> enriched = output.receive(10_000, Topics.ENRICHED.name());

        // Then
        assertThat(enriched).isNotNull();
        assertThat(enriched.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("urn:newsroom:partner-1:story/geneva-talks");
        String articleId = ArticleIds.fromUri("urn:newsroom:partner-1:story/geneva-talks");
        String eventId = ArticleEnricher.enrichedEventId("evt-geneva-1", "corenlp-4.5.10/english.all.3class.distsim+english.conll.4class.distsim~high-recall+aliases-v2");
        JSONAssert.assertEquals("""
                {
                  "schemaVersion": 1,
                  "eventId": "%s",
                  "article": %s,
                  "enrichment": {
                    "enrichmentVersion": "corenlp-4.5.10/english.all.3class.distsim+english.conll.4class.distsim~high-recall+aliases-v2",
                    "language": "en",
                    "entities": [
                      {"name": "Geneva", "type": "LOCATION", "salience": 1.0, "confidence": 0.993,
                       "link": {"wikidataId": "Q71", "wikipediaUrl": "https://en.wikipedia.org/wiki/Geneva"},
                       "mentions": [{"field": "HEADLINE", "start": 9, "end": 15, "text": "Geneva"}]},
                      {"name": "Reuters", "type": "ORGANIZATION", "salience": 0.5, "confidence": 0.995,
                       "link": {"wikidataId": "Q130879", "wikipediaUrl": "https://en.wikipedia.org/wiki/Reuters"},
                       "mentions": [{"field": "BODY", "start": 0, "end": 7, "text": "Reuters"}]},
                      {"name": "Iran", "type": "LOCATION", "salience": 0.4, "confidence": 0.992,
                       "link": {"wikidataId": "Q794", "wikipediaUrl": "https://en.wikipedia.org/wiki/Iran"},
                       "mentions": [{"field": "BODY", "start": 36, "end": 40, "text": "Iran"}]},
                      {"name": "United Nations", "type": "ORGANIZATION", "salience": 0.364, "confidence": 0.998,
                       "link": {"wikidataId": "Q1065", "wikipediaUrl": "https://en.wikipedia.org/wiki/United_Nations"},
                       "mentions": [{"field": "BODY", "start": 49, "end": 63, "text": "United Nations"}]}
                    ],
                    "related": [],
                    "keywords": ["talks", "reported", "resumed"],
                    "enrichedAt": "2026-03-02T10:15:30Z",
                    "entitiesOmitted": null,
                    "unresolvedHints": [],
                    "cluster": {"id": "c-%s", "leadId": "%s", "size": 1, "score": 1.0,
                                "reason": "new story: no earlier report shares its text or names"}
                  }
                }
                """.formatted(eventId, ARTICLE_JSON, articleId, articleId), new String(enriched.getPayload(), StandardCharsets.UTF_8),
                JSONCompareMode.STRICT);
    }
}
