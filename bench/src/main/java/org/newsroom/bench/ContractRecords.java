package org.newsroom.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.Enrichment;

import tools.jackson.databind.json.JsonMapper;

/**
 * The bench's stories as the contract's records, for the topics the bench writes straight to
 * (the replay's missed events, the archive it preloads) and for the enrichment ceiling's input:
 * what ingest and enrich would have written, serialized the way the services do (Jackson, ISO
 * instants), so every reader takes them as its own.
 */
final class ContractRecords {

    /** The enrichment version of events the bench writes itself, so they can be told apart. */
    static final String INJECTED = "bench-injected";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContractRecords() {
    }

    /** The article event ingest writes for the story, pushed by the bench partner in English. */
    static ArticleEvent article(Story story, Instant receivedAt) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), ArticleAction.PUBLISHED,
                story.uri(), 1, story.headline(), story.body(), story.source(), BenchStack.PARTNER.id(), "en",
                story.firstCreated(), receivedAt, List.of());
    }

    /** An enriched event of the story without entities, related links or keywords. */
    static EnrichedArticleEvent enriched(ArticleEvent article, Instant enrichedAt) {
        Enrichment enrichment = new Enrichment(INJECTED, "en", List.of(), List.of(), List.of(), enrichedAt);
        return new EnrichedArticleEvent(EnrichedArticleEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), article,
                enrichment);
    }

    static byte[] json(Object record) {
        return JSON.writeValueAsBytes(record);
    }

    static String jsonString(Object record) {
        return JSON.writeValueAsString(record);
    }
}
