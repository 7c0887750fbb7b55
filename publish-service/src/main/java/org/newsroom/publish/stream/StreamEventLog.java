package org.newsroom.publish.stream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.newsroom.publish.article.ArticleDocument;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.cluster.ClusterDocuments;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The {@code stream_events} collection: every change, with the article as that change stored it, in
 * source order per partition. It is shared by all instances, so it is what every instance's live
 * stream and every resume read from. The {@code stream_trims} collection remembers, per partition,
 * up to which offset events were trimmed away, so that a cursor older than that is detected and
 * answered with a reset instead of a silent jump. The {@code stream_partitions} collection holds one
 * small document per partition that ever had an event, with the offset of its newest event.
 *
 * <p>An event's {@code _id} is its source position ({@code <partition>:<offset>}), and every read of
 * new events looks them up by id: from the cursor up to the partition's newest offset, a window of
 * ids at a time ({@code _id $in}). That is an index lookup per id on any MongoDB, and the only kind of
 * lookup mongo-java-server (the local store) serves from an index: it scans the whole collection for
 * a range query, which made every poll and every resume cost as much as the whole log. Gaps (records
 * that changed nothing, events forgotten by a kill or trimmed) are ids that find nothing.
 */
@Component
public class StreamEventLog implements InitializingBean {

    static final String COLLECTION = "stream_events";

    static final String TRIMS = "stream_trims";

    static final String PARTITIONS = "stream_partitions";

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private static final String PARTITION = "partition";

    private static final String OFFSET = "offset";

    private static final String STORED_AT = "storedAt";

    private static final String ID = "_id";

    private static final String NEWEST = "newest";

    /** The clusters an event changed; absent in events logged before clusters existed. */
    private static final String CLUSTERED = "clustered";

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private static final Comparator<StreamEvent> IN_LOG_ORDER = Comparator
            .comparingInt((StreamEvent event) -> event.position().partition())
            .thenComparingLong(event -> event.position().offset());

    private final MongoCollection<Document> events;

    private final MongoCollection<Document> trims;

    private final MongoCollection<Document> partitions;

    public StreamEventLog(MongoDatabase database) {
        this.events = database.getCollection(COLLECTION);
        this.trims = database.getCollection(TRIMS);
        this.partitions = database.getCollection(PARTITIONS);
    }

    /**
     * Creates the index before the first event is recorded, and gives events logged before ids were
     * positions their position as id. The index serves the queries by partition and offset (the
     * {@code since} start, trimming, a kill's forgetting); it is unique, like the id, because one
     * source record makes at most one change.
     */
    @Override
    public void afterPropertiesSet() {
        Mono.from(events.createIndex(Indexes.ascending(PARTITION, OFFSET), new IndexOptions().unique(true)))
                .then(migrateToPositionIds())
                .block(INDEX_TIMEOUT);
    }

    /**
     * Re-keys events logged with a generated id, once, and registers their partitions with their
     * newest offset: the log before position ids could only be read by scanning it.
     */
    private Mono<Void> migrateToPositionIds() {
        Bson generatedIds = Filters.type(ID, BsonType.OBJECT_ID);
        return Flux.from(events.find(generatedIds))
                .map(old -> {
                    Document keyed = new Document(old);
                    keyed.put(ID, idOf(new SourcePosition(old.getInteger(PARTITION), old.getLong(OFFSET))));
                    return keyed;
                })
                .collectList()
                .filter(keyed -> !keyed.isEmpty())
                .flatMap(keyed -> Mono.from(events.deleteMany(generatedIds))
                        .then(Mono.from(events.insertMany(keyed, UNORDERED)))
                        .then(raiseNewest(keyed.stream().map(StreamEventLog::positionOf).toList())))
                .then();
    }

    /** The id of the event made by the record at this position. */
    static String idOf(SourcePosition position) {
        return position.partition() + ":" + position.offset();
    }

    /**
     * Raises each partition's newest offset to the highest of these positions. Only after the events
     * up to it are stored, so a reader that sees an offset finds every event up to it.
     */
    private Mono<Void> raiseNewest(List<SourcePosition> recorded) {
        Map<Integer, Long> newest = new TreeMap<>();
        recorded.forEach(position -> newest.merge(position.partition(), position.offset(), Math::max));
        List<UpdateOneModel<Document>> raises = newest.entrySet().stream()
                .map(partition -> new UpdateOneModel<Document>(eq(ID, partition.getKey()),
                        Updates.max(NEWEST, partition.getValue()), new UpdateOptions().upsert(true)))
                .toList();
        return raises.isEmpty() ? Mono.empty() : Mono.from(partitions.bulkWrite(raises)).then();
    }

    /** Every partition that ever had an event. */
    private Flux<Integer> partitions() {
        return Flux.from(partitions.find()).map(partition -> partition.getInteger(ID));
    }

    /** The newest offset of every partition that ever had an event. */
    private Mono<Map<Integer, Long>> newestOffsets() {
        return Flux.from(partitions.find())
                .filter(partition -> partition.get(NEWEST) != null)
                .collectMap(partition -> partition.getInteger(ID), partition -> partition.getLong(NEWEST));
    }

    /**
     * Records the events of a batch in one unordered insert, then raises the newest offsets; an
     * event recorded already (a redelivered record) is left as it is. Completes with how many were new.
     */
    public Mono<Integer> recordAll(List<Recording> batch) {
        if (batch.isEmpty()) {
            return Mono.just(0);
        }
        List<Document> documents = batch.stream().map(StreamEventLog::toDocument).toList();
        return Mono.from(events.insertMany(documents, UNORDERED))
                .map(inserted -> documents.size())
                .onErrorResume(StreamEventLog::onlyRecordedAlready,
                        error -> Mono.just(documents.size() - ((MongoBulkWriteException) error).getWriteErrors().size()))
                .flatMap(recorded -> raiseNewest(batch.stream().map(event -> event.event().position()).toList())
                        .thenReturn(recorded));
    }

    /** One event to record, with the article document that made it. */
    public record Recording(StreamEvent event, ArticleDocument article) {
    }

    private static boolean onlyRecordedAlready(Throwable error) {
        return error instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null
                && bulk.getWriteErrors().stream().allMatch(write -> write.getCategory() == ErrorCategory.DUPLICATE_KEY);
    }

    /** The document an event is logged as. */
    public static Document toDocument(Recording recording) {
        StreamEvent event = recording.event();
        Document document = new Document(ID, idOf(event.position()))
                .append("articleId", event.article().id())
                .append("action", event.article().action().name())
                .append("version", event.article().version())
                .append(PARTITION, event.position().partition())
                .append(OFFSET, event.position().offset())
                .append(STORED_AT, Date.from(event.article().storedAt()))
                .append("article", recording.article().viewDocument());
        if (!event.clustered().isEmpty()) {
            document.append(CLUSTERED, event.clustered().stream().map(ClusterDocuments::toDocument).toList());
        }
        return document;
    }

    /**
     * Drops the earlier events of a killed article, so that its withdrawn content is never replayed
     * to a resuming client; the kill event itself stays. Removing events below a cursor never makes
     * a client miss anything: they were either seen already or are superseded by the kill.
     */
    public Mono<Void> forgetBefore(StreamEvent kill) {
        return Mono.from(events.deleteMany(and(eq("articleId", kill.article().id()),
                        eq(PARTITION, kill.position().partition()), lt(OFFSET, kill.position().offset()))))
                .then();
    }

    /**
     * The logged events after the cursor, in offset order per partition, looking up at most
     * {@code window} positions. The page says how far it looked, which is where the next read
     * continues: a window may hold fewer events than positions (or none) without being the end.
     */
    public Mono<LogPage> readAfter(StreamCursor cursor, int window) {
        return newestOffsets().flatMap(newest -> {
            List<String> ids = new ArrayList<>(Math.min(window, 1024));
            StreamCursor through = cursor;
            boolean complete = true;
            for (Map.Entry<Integer, Long> partition : newest.entrySet()) {
                long from = cursor.offsetOf(partition.getKey());
                // Never from + window nor from + 1: a cursor's offset may be Long.MAX_VALUE, and the sum would wrap.
                long last = from + Math.max(0, Math.min(window - ids.size(), partition.getValue() - from));
                for (long offset = from; offset < last; offset++) {
                    ids.add(partition.getKey() + ":" + (offset + 1));
                }
                if (last > from) {
                    through = through.advance(new SourcePosition(partition.getKey(), last));
                }
                complete &= last >= partition.getValue();
            }
            StreamCursor scanned = through;
            boolean end = complete;
            if (ids.isEmpty()) {
                return Mono.just(new LogPage(List.of(), scanned, end));
            }
            return Flux.from(events.find(in(ID, ids)).batchSize(ids.size()))
                    .map(StreamEventLog::toEvent)
                    .collectSortedList(IN_LOG_ORDER)
                    .map(found -> new LogPage(found, scanned, end));
        });
    }

    /**
     * What one read of the log found.
     *
     * @param events the events found, in offset order per partition
     * @param scannedThrough the cursor up to which the log was read: every event up to it is in this
     *        page or in an earlier one
     * @param complete whether the read reached the newest event of every partition
     */
    public record LogPage(List<StreamEvent> events, StreamCursor scannedThrough, boolean complete) {
    }

    /** The cursor after the newest event of every partition, including events already trimmed. */
    public Mono<StreamCursor> head() {
        return newestOffsets().map(StreamCursor::of).zipWith(trimmedThrough(), StreamCursor::max);
    }

    /**
     * Per partition, the offset of the newest event matching the condition: one lookup per partition
     * that walks the unique (partition, offset) index from its newest end and stops at the first match.
     */
    private Mono<StreamCursor> newestPerPartition(IntFunction<Bson> condition) {
        return partitions()
                .flatMap(partition -> Mono.from(events.find(condition.apply(partition))
                        .sort(Sorts.descending(PARTITION, OFFSET)).limit(1).first()))
                .collectMap(newest -> newest.getInteger(PARTITION), newest -> newest.getLong(OFFSET))
                .map(StreamCursor::of);
    }

    /** Per partition, the highest offset whose event was trimmed away; a cursor behind it cannot resume. */
    public Mono<StreamCursor> trimmedThrough() {
        return Flux.from(trims.find())
                .collectMap(trim -> trim.getInteger("_id"), trim -> trim.getLong(OFFSET))
                .map(StreamCursor::of);
    }

    /**
     * The cursor of a client that saw everything stored before the instant. A partition whose
     * trimmed events all came before it counts as seen up to its trim, so that only a {@code since}
     * that really reaches into trimmed events ends in a reset.
     */
    public Mono<StreamCursor> cursorAt(Instant since) {
        Date before = Date.from(since);
        Mono<StreamCursor> stored = newestPerPartition(
                partition -> and(eq(PARTITION, partition), lt(STORED_AT, before)));
        Mono<StreamCursor> trimmedBefore = Flux.from(trims.find(lt(STORED_AT, before)))
                .collectMap(trim -> trim.getInteger("_id"), trim -> trim.getLong(OFFSET))
                .map(StreamCursor::of);
        return stored.zipWith(trimmedBefore, StreamCursor::max);
    }

    /**
     * Trims every partition to at most {@code maxEvents} events, none stored before {@code oldest}.
     * The trim mark is raised before anything is deleted, so a reader that misses a deleted event
     * always sees the mark that tells it so. Several instances may trim at once: both steps are
     * idempotent. Completes with the number of events deleted.
     */
    public Mono<Long> trim(int maxEvents, Instant oldest) {
        return partitions()
                .concatMap(partition -> trimPartition(partition, maxEvents, Date.from(oldest)))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> trimPartition(int partition, int maxEvents, Date oldest) {
        Bson newestFirst = Sorts.descending(OFFSET);
        Mono<Document> beyondCount = Mono.from(events.find(eq(PARTITION, partition)).sort(newestFirst)
                .skip(maxEvents).limit(1).first());
        Mono<Document> tooOld = Mono.from(events.find(and(eq(PARTITION, partition), lt(STORED_AT, oldest)))
                .sort(newestFirst).limit(1).first());
        return Flux.merge(beyondCount, tooOld)
                .reduce((first, second) -> first.getLong(OFFSET) >= second.getLong(OFFSET) ? first : second)
                .flatMap(last -> {
                    long through = last.getLong(OFFSET);
                    Bson mark = Updates.combine(Updates.max(OFFSET, through),
                            Updates.max(STORED_AT, last.getDate(STORED_AT)));
                    return Mono.from(trims.updateOne(eq("_id", partition), mark, new UpdateOptions().upsert(true)))
                            .then(Mono.from(events.deleteMany(and(eq(PARTITION, partition), lte(OFFSET, through)))))
                            .map(deleted -> deleted.getDeletedCount());
                });
    }

    private static StreamEvent toEvent(Document document) {
        return new StreamEvent(positionOf(document), ArticleDocument.viewOf(document.get("article", Document.class)),
                document.getList(CLUSTERED, Document.class, List.of()).stream().map(ClusterDocuments::viewOf).toList());
    }

    private static SourcePosition positionOf(Document document) {
        return new SourcePosition(document.getInteger(PARTITION), document.getLong(OFFSET));
    }
}
