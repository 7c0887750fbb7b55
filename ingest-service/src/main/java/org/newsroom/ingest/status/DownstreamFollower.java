package org.newsroom.ingest.status;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.newsroom.contract.PublishedArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.kafka.ConsumerLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the enriched and published topics into {@link DownstreamStages}. Of an enriched event only
 * uri, version and enrichment time are read: the article and its entities are not needed here.
 */
@Component
class DownstreamFollower extends ConsumerLoop {

    private static final Logger log = LoggerFactory.getLogger(DownstreamFollower.class);

    private static final Duration POLL = Duration.ofMillis(500);

    private static final List<String> TOPICS = List.of(Topics.ENRICHED.name(), Topics.PUBLISHED.name());

    private final DownstreamStages stages;

    private final JsonMapper json;

    DownstreamFollower(KafkaProperties kafka, DownstreamStages stages, JsonMapper json) {
        super("story-status", configOf(kafka, "ingest-story-status", null));
        this.stages = stages;
        this.json = json;
    }

    @Override
    protected void consume(KafkaConsumer<String, byte[]> kafka, BooleanSupplier running) {
        if (assignFromBeginning(kafka, TOPICS).isEmpty()) {
            return; // a topic does not exist yet: the loop tries again after a pause
        }
        while (running.getAsBoolean()) {
            kafka.poll(POLL).forEach(this::apply);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            if (record.topic().equals(Topics.PUBLISHED.name())) {
                PublishedArticleEvent receipt = json.readValue(record.value(), PublishedArticleEvent.class);
                stages.published(receipt.uri(), new StageReached(receipt.version(), receipt.publishedAt()));
            }
            else {
                JsonNode enriched = json.readTree(record.value());
                JsonNode article = enriched.required("article");
                stages.enriched(article.required("uri").asString(), new StageReached(
                        article.required("version").asLong(),
                        Instant.parse(enriched.required("enrichment").required("enrichedAt").asString())));
            }
        }
        catch (JacksonException | IllegalArgumentException | DateTimeException e) {
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
        }
    }
}
