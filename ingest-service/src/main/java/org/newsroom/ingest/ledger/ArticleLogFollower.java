package org.newsroom.ingest.ledger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.kafka.ConsumerLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@link Topics#ARTICLES} into the {@link ArticleLedger}: every partition, from the beginning,
 * for as long as the service runs. Manual assignment without a consumer group, because every ingest
 * instance needs the whole log, and nothing is committed because every start reads it all again.
 */
@Component
class ArticleLogFollower extends ConsumerLoop {

    private static final Logger log = LoggerFactory.getLogger(ArticleLogFollower.class);

    private static final Duration POLL = Duration.ofMillis(500);

    private final ArticleLedger ledger;

    private final JsonMapper json;

    ArticleLogFollower(KafkaProperties kafka, ArticleLedger ledger, JsonMapper json) {
        super("article-ledger", configOf(kafka, "ingest-article-ledger", null));
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    protected void consume(KafkaConsumer<String, byte[]> kafka, BooleanSupplier running) {
        List<TopicPartition> partitions = assignFromBeginning(kafka, List.of(Topics.ARTICLES.name()));
        if (partitions.isEmpty()) {
            return; // the topic does not exist yet: the loop tries again after a pause
        }
        Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
        log.info("Reading {} partitions of {} into the article ledger", partitions.size(), Topics.ARTICLES.name());
        while (running.getAsBoolean()) {
            kafka.poll(POLL).forEach(this::apply);
            if (!ledger.isCaughtUp() && reached(kafka, ends)) {
                ledger.markCaughtUp();
                log.info("Article ledger caught up: {} articles", ledger.size());
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> kafka.position(end.getKey()) >= end.getValue());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                ledger.forget(record.key());
            }
            return;
        }
        try {
            ledger.observe(json.readValue(record.value(), ArticleEvent.class));
        }
        catch (JacksonException e) {
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getOriginalMessage());
        }
    }
}
