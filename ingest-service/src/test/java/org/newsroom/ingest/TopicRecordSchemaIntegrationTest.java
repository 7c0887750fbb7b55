package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.EventSchemas;
import org.newsroom.contract.Topics;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What ingest really writes to its topics is valid under the contract's JSON Schemas. */
class TopicRecordSchemaIntegrationTest extends KafkaIntegrationTest {

    /** The first send of a fresh context may wait for the broker's metadata longer than the default 5 s. */
    private WebTestClient patient() {
        return client.mutate().responseTimeout(TIMEOUT).build();
    }

    @Test
    void theArticleEventOfAPushIsValid() {
        Map<TopicPartition, Long> start = logEnd(Topics.ARTICLES);
        String uri = "https://partner.example/schema/" + UUID.randomUUID();
        Map<String, Object> story = story(uri, "Schema headline", "<p>First paragraph.</p><p>Second.</p>");
        story.put("language", "en");
        story.put("relatedHints", List.of("An earlier story"));
        postJson(patient(), story).expectStatus().isAccepted();

        List<ConsumerRecord<String, String>> written = recordsSince(Topics.ARTICLES, start).stream()
                .filter(record -> uri.equals(record.key())).toList();

        assertThat(written).singleElement()
                .satisfies(record -> EventSchemas.assertValid(EventSchemas.ARTICLE_EVENT, record.value()));
    }

    @Test
    void theHoldOfAnEmbargoedPushIsValid() {
        Map<TopicPartition, Long> start = logEnd(Topics.EMBARGOED);
        String uri = "https://partner.example/schema/embargoed/" + UUID.randomUUID();
        Map<String, Object> story = story(uri, "Embargoed headline", "Body");
        story.put("embargoed", NOW.plusSeconds(86_400).toString());
        postJson(patient(), story).expectStatus().isAccepted();

        List<ConsumerRecord<String, String>> held = recordsSince(Topics.EMBARGOED, start).stream()
                .filter(record -> record.key().startsWith(uri + "#v")).toList();

        assertThat(held).singleElement()
                .satisfies(record -> EventSchemas.assertValid(EventSchemas.EMBARGOED_ARTICLE, record.value()));
    }
}
