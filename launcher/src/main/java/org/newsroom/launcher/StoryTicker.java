package org.newsroom.launcher;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EmbargoedArticle;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.contract.PublishedArticleEvent;
import org.newsroom.contract.Topic;
import org.newsroom.contract.Topics;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's live ticker: follows the pipeline's topics from their current end, without a
 * consumer group (it commits nothing and holds up nobody), and prints one line per story as ingest
 * accepts or holds it, enrichment finishes it and publish-service puts it on the stream.
 */
final class StoryTicker implements AutoCloseable {

    private static final List<Topic<String, ?>> FOLLOWED = List.of(Topics.ARTICLES, Topics.EMBARGOED, Topics.ENRICHED,
            Topics.PUBLISHED);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Long enough to recognize a story, short enough to keep a ticker line on a wide terminal's line. */
    private static final int HEADLINE_WIDTH = 60;

    private final KafkaConsumer<String, String> consumer;
    private final Console console;
    private final URI publish;
    private final Thread thread;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private StoryTicker(String bootstrapServers, Console console, URI publish) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "newsroom-console",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        this.console = console;
        this.publish = publish;
        this.thread = new Thread(this::follow, "story-ticker");
        this.thread.setDaemon(true);
    }

    /** Starts following from now: stories pushed before this call are not shown. */
    static StoryTicker start(String bootstrapServers, Console console, URI publish) {
        StoryTicker ticker = new StoryTicker(bootstrapServers, console, publish);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<String, ?> topic : FOLLOWED) {
                ticker.consumer.partitionsFor(topic.name(), Duration.ofSeconds(10))
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            ticker.consumer.assign(partitions);
            ticker.consumer.seekToEnd(partitions);
            partitions.forEach(ticker.consumer::position); // fix "now" before any story can arrive
        } catch (RuntimeException e) {
            ticker.consumer.close(Duration.ZERO);
            throw e;
        }
        ticker.thread.start();
        return ticker;
    }

    private void follow() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(POLL).forEach(this::show);
            }
        } catch (WakeupException stopping) {
            // close() asked the poll to end
        } catch (RuntimeException e) {
            console.say("the story ticker stopped (" + e.getMessage() + "); the newsroom keeps running");
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** A record the ticker cannot read is skipped: the console is a view, never a consumer that must keep up. */
    private void show(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            String topic = record.topic();
            if (topic.equals(Topics.ARTICLES.name())) {
                ArticleEvent article = json.readValue(record.value(), ArticleEvent.class);
                console.story(article.receivedAt(), "accepted", article.uri(), describe(article));
            } else if (topic.equals(Topics.EMBARGOED.name())) {
                EmbargoedArticle held = json.readValue(record.value(), EmbargoedArticle.class);
                console.story(held.article().receivedAt(), "held", held.article().uri(),
                        "until " + held.releaseAt());
            } else if (topic.equals(Topics.ENRICHED.name())) {
                EnrichedArticleEvent enriched = json.readValue(record.value(), EnrichedArticleEvent.class);
                console.story(Instant.now(), "enriched", enriched.article().uri(),
                        enriched.enrichment().entities().size() + " entities, language "
                                + enriched.enrichment().language());
            } else if (topic.equals(Topics.PUBLISHED.name())) {
                PublishedArticleEvent published = json.readValue(record.value(), PublishedArticleEvent.class);
                String stage = published.action() == ArticleAction.KILLED ? "withdrawn" : "published";
                console.story(published.publishedAt(), stage, published.uri(),
                        publish.resolve("/v1/articles/" + published.articleId()) + "  ("
                                + Duration.between(published.receivedAt(), published.publishedAt()).toMillis()
                                + " ms after acceptance)");
            }
        } catch (JacksonException | NullPointerException unreadable) {
            // not a record of the contract's current schema: nothing to show
        }
    }

    private static String describe(ArticleEvent article) {
        String action = article.action() == ArticleAction.PUBLISHED ? ""
                : article.action().name().toLowerCase(Locale.ROOT) + ", ";
        String headline = article.headline().length() <= HEADLINE_WIDTH ? article.headline()
                : article.headline().substring(0, HEADLINE_WIDTH - 1) + "…";
        return "v" + article.version() + " (" + action + article.source() + ")  \"" + headline + "\"";
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
