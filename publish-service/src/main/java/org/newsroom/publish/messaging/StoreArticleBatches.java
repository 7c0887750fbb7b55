package org.newsroom.publish.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EnrichedArticleEvent;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.intake.ArticleIntake;
import org.newsroom.publish.intake.ArticleIntake.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Stores the enriched records of one poll together, on the listener thread: one bulk write of the
 * articles, one insert of their stream events, then their receipts, sent together and awaited.
 * Returning normally lets the binder commit the batch's offsets, so a record is acknowledged only
 * once its article is stored and its receipt written; a crash before that redelivers the batch,
 * which the version-guarded, idempotent writes turn into no change (and the same receipts again).
 *
 * <p>A failure names the record it belongs to ({@link BatchListenerFailedException}), so that the
 * container's error handler ({@link StoreRetries}) commits what came before it, retries from it and
 * finally dead-letters only that record: an unreadable record (the records before it are stored
 * first), or, after the bulk write failed for another reason than an outage, the first record that
 * fails when the batch is stored record by record. A store that is unavailable fails the batch at
 * its first record ({@link StoreUnavailableException}), which is retried until the store is back.
 *
 * <p>The trace id of each record's {@code traceparent} is stored with its version, so subscribers
 * and operators can follow one story through the logs.
 */
class StoreArticleBatches implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(StoreArticleBatches.class);

    /** A W3C {@code traceparent}: version, trace id, parent span id, flags. */
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    private final ArticleIntake intake;

    private final Receipts receipts;

    private final JsonMapper json;

    private final Duration writeTimeout;

    StoreArticleBatches(ArticleIntake intake, Receipts receipts, JsonMapper json, Duration writeTimeout) {
        this.intake = intake;
        this.receipts = receipts;
        this.json = json;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> values = batch.getPayload();
        log.debug("A batch of {} enriched records", values.size());
        MessageHeaders headers = batch.getHeaders();
        List<?> partitions = listHeader(headers, KafkaHeaders.RECEIVED_PARTITION, values.size());
        List<?> offsets = listHeader(headers, KafkaHeaders.OFFSET, values.size());
        List<?> recordHeaders = headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        List<Consumed> readable = new ArrayList<>(values.size());
        for (int index = 0; index < values.size(); index++) {
            SourcePosition position = new SourcePosition(((Number) partitions.get(index)).intValue(),
                    ((Number) offsets.get(index)).longValue());
            EnrichedArticleEvent event = read(values.get(index));
            if (event == null) {
                store(readable);
                throw new BatchListenerFailedException("Unreadable enriched record",
                        new UnreadableRecordException(position), index);
            }
            String traceparent = recordHeaders == null ? null : traceparentOf(recordHeaders.get(index));
            readable.add(new Consumed(new Incoming(event, position, traceIdOf(traceparent)), traceparent));
        }
        store(readable);
    }

    /** Stores the records and writes their receipts; on failure, names the first record not done. */
    private void store(List<Consumed> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Optional<ArticleView>> stored;
        try {
            stored = storeNow(records);
        }
        catch (StoreUnavailableException outage) {
            throw new BatchListenerFailedException("The store is unavailable", outage, 0);
        }
        catch (RuntimeException failure) {
            log.warn("Storing a batch of {} enriched records failed, storing them one by one: {}", records.size(),
                    failure.toString());
            storeOneByOne(records);
            return;
        }
        answer(records, stored, 0);
    }

    private void storeOneByOne(List<Consumed> records) {
        for (int index = 0; index < records.size(); index++) {
            List<Consumed> one = List.of(records.get(index));
            try {
                answer(one, storeNow(one), index);
            }
            catch (BatchListenerFailedException failure) {
                throw failure;
            }
            catch (RuntimeException failure) {
                throw new BatchListenerFailedException("Storing the enriched record failed", failure, index);
            }
        }
    }

    private List<Optional<ArticleView>> storeNow(List<Consumed> records) {
        try {
            // A TimeoutException (not block's own IllegalStateException) tells a slow store from a bug.
            List<Optional<ArticleView>> stored = intake.acceptAll(records.stream().map(Consumed::incoming).toList())
                    .timeout(writeTimeout).block();
            if (stored == null) {
                throw new IllegalStateException("The intake completed without an answer");
            }
            return stored;
        }
        catch (RuntimeException failure) {
            throw StoreUnavailableException.isStoreOutage(failure)
                    ? new StoreUnavailableException(records.get(0).incoming().position(), failure) : failure;
        }
    }

    /** Sends the receipts of the changes among the records; {@code first} is the batch index of records[0]. */
    private void answer(List<Consumed> records, List<Optional<ArticleView>> stored, int first) {
        List<Receipts.Receipt> changes = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            Incoming record = records.get(index).incoming();
            Optional<ArticleView> version = stored.get(index);
            if (version.isPresent()) {
                changes.add(new Receipts.Receipt(version.get(), records.get(index).traceparent()));
                log.debug("Stored {} version {} ({})", version.get().uri(), version.get().version(),
                        version.get().action());
            }
            else {
                log.debug("Unchanged by {} version {}: stored already or newer", record.event().article().uri(),
                        record.event().article().version());
            }
        }
        try {
            receipts.sendAll(changes);
        }
        catch (RuntimeException failure) {
            throw new BatchListenerFailedException("Sending the receipts failed", failure, first);
        }
        if (!changes.isEmpty()) {
            SourcePosition from = records.get(0).incoming().position();
            SourcePosition to = records.get(records.size() - 1).incoming().position();
            log.info("Stored {} of {} enriched records, partition {} offset {} to partition {} offset {}",
                    changes.size(), records.size(), from.partition(), from.offset(), to.partition(), to.offset());
        }
    }

    private @Nullable EnrichedArticleEvent read(byte[] value) {
        try {
            return json.readValue(value, EnrichedArticleEvent.class);
        }
        catch (JacksonException unreadable) {
            return null;
        }
    }

    /** The whole {@code traceparent} of a record's headers, if it has a valid one. */
    private static @Nullable String traceparentOf(@Nullable Object headers) {
        if (!(headers instanceof Map<?, ?> map)) {
            return null;
        }
        Object value = map.get(Receipts.TRACEPARENT);
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.US_ASCII)
                : value instanceof String string ? string : null;
        return text != null && TRACEPARENT.matcher(text).matches() ? text : null;
    }

    /** The trace id of a valid {@code traceparent}. */
    private static @Nullable String traceIdOf(@Nullable String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var matcher = TRACEPARENT.matcher(traceparent);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** A readable record and the trace context it came with. */
    private record Consumed(Incoming incoming, @Nullable String traceparent) {
    }

    private static List<?> listHeader(MessageHeaders headers, String name, int size) {
        List<?> values = headers.get(name, List.class);
        if (values == null || values.size() != size) {
            throw new IllegalArgumentException("A batch of enriched records without " + name + " for each record");
        }
        return values;
    }
}
