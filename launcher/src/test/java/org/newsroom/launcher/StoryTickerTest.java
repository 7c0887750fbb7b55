package org.newsroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contract.Topics;

/** The console's ticker on a real broker: one line per story and step, from records as the services write them. */
class StoryTickerTest {

    private static final String URI_OF_STORY = "urn:newsroom:sample:storm";

    @TempDir
    Path dataDir;

    @Test
    void printsALinePerStepOfEachStoryWrittenAfterItStartedAndAKillAsAWithdrawal() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, FreePorts.pick(), FreePorts.pick());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(Topics.ALL.stream().map(topic -> new NewTopic(topic.name(), 2, (short) 1)).toList())
                    .all().get();
            // Given a story accepted before the ticker starts, which it must not show
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), "urn:old", article("urn:old", "Old news"))).get();
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

            try (StoryTicker ignored = StoryTicker.start(broker.bootstrapServers(), new Console(out, out),
                    URI.create("http://127.0.0.1:8083"))) {
                // When a story goes through the pipeline, with a record the ticker cannot read in between
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), URI_OF_STORY, article(URI_OF_STORY, "Storm"))).get();
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), URI_OF_STORY, "not json")).get();
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), URI_OF_STORY, "{\"schemaVersion\":1,"
                        + "\"eventId\":\"e2\",\"article\":" + article(URI_OF_STORY, "Storm") + ",\"enrichment\":"
                        + "{\"enrichmentVersion\":\"1\",\"language\":\"en\",\"entities\":[],\"keywords\":[],"
                        + "\"related\":[],\"enrichedAt\":\"2026-11-30T10:00:01Z\"}}")).get();
                producer.send(new ProducerRecord<>(Topics.PUBLISHED.name(), URI_OF_STORY, "{\"schemaVersion\":1,"
                        + "\"uri\":\"" + URI_OF_STORY + "\",\"version\":1,\"action\":\"PUBLISHED\",\"articleId\":\"abc\","
                        + "\"receivedAt\":\"2026-11-30T10:00:00Z\",\"enrichedAt\":\"2026-11-30T10:00:01Z\","
                        + "\"publishedAt\":\"2026-11-30T10:00:01.250Z\"}")).get();
                producer.send(new ProducerRecord<>(Topics.PUBLISHED.name(), "urn:killed", "{\"schemaVersion\":1,"
                        + "\"uri\":\"urn:killed\",\"version\":2,\"action\":\"KILLED\",\"articleId\":\"def\","
                        + "\"receivedAt\":\"2026-11-30T10:00:00Z\",\"enrichedAt\":\"2026-11-30T10:00:01Z\","
                        + "\"publishedAt\":\"2026-11-30T10:00:02Z\"}")).get();

                // Then it shows the three steps of that story, the withdrawal of another, and nothing else
                // (the topics have no order among them)
                await().atMost(Duration.ofSeconds(30)).until(() -> console.toString(StandardCharsets.UTF_8).lines().count() >= 4);
                assertThat(console.toString(StandardCharsets.UTF_8).lines())
                        .hasSize(4)
                        .anySatisfy(line -> assertThat(line).contains("withdrawn", "urn:killed", "/v1/articles/def"))
                        .anySatisfy(line -> assertThat(line).contains("accepted", URI_OF_STORY, "v1 (Wire)  \"Storm\""))
                        .anySatisfy(line -> assertThat(line).contains("enriched", URI_OF_STORY, "0 entities, language en"))
                        .anySatisfy(line -> assertThat(line).contains("published", URI_OF_STORY,
                                "http://127.0.0.1:8083/v1/articles/abc  (1250 ms after acceptance)"));
            }
        }
    }

    private static String article(String uri, String headline) {
        return "{\"schemaVersion\":1,\"eventId\":\"e1\",\"action\":\"PUBLISHED\",\"uri\":\"" + uri + "\",\"version\":1,"
                + "\"headline\":\"" + headline + "\",\"body\":\"Body\",\"source\":\"Wire\",\"partnerId\":\"local\","
                + "\"language\":\"en\",\"firstCreated\":\"2026-11-30T09:00:00Z\",\"receivedAt\":\"2026-11-30T10:00:00Z\","
                + "\"relatedHints\":[]}";
    }
}
