package org.newsroom.publish.stream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.newsroom.publish.article.ArticleDocument;
import org.newsroom.publish.article.SourcePosition;
import org.newsroom.publish.mongo.DuplicateKey;
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
 * small document per partition that ever had an event, so that finding the newest event of the log
 * is one index lookup per partition instead of a scan of the whole log.
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

    private final MongoCollection<Document> events;

    private final MongoCollection<Document> trims;

    private final MongoCollection<Document> partitions;

    /** Partitions this instance knows to be registered; saves the upsert on every event but the first. */
    private final Set<Integer> registered = ConcurrentHashMap.newKeySet();

    public StreamEventLog(MongoDatabase database) {
        this.events = database.getCollection(COLLECTION);
        this.trims = database.getCollection(TRIMS);
        this.partitions = database.getCollection(PARTITIONS);
    }

    /**
     * Creates the index before the first event is recorded. It is unique because one source record
     * makes at most one change, so a redelivered record cannot be logged twice; it also serves every
     * read, which goes by partition and offset.
     */
    @Override
    public void afterPropertiesSet() {
        Mono.from(events.createIndex(Indexes.ascending(PARTITION, OFFSET), new IndexOptions().unique(true)))
                .then(registerLoggedPartitions())
                .block(INDEX_TIMEOUT);
    }

    /**
     * Registers the partitions of events logged before partitions were registered. A distinct over
     * the first field of the unique index reads one index entry per partition.
     */
    private Mono<Void> registerLoggedPartitions() {
        return Flux.from(events.distinct(PARTITION, Integer.class)).concatMap(this::register).then();
    }

    /** Registered before its first event is logged, so whoever sees the event also sees the partition. */
    private Mono<Void> register(int partition) {
        if (registered.contains(partition)) {
            return Mono.empty();
        }
        return Mono.from(partitions.updateOne(eq("_id", partition), Updates.setOnInsert("_id", partition),
                        new UpdateOptions().upsert(true)))
                .doOnSuccess(done -> registered.add(partition))
                .then();
    }

    /** Every partition that ever had an event. */
    private Flux<Integer> partitions() {
        return Flux.from(partitions.find()).map(partition -> partition.getInteger("_id"));
    }

    /** Records the event; tells whether it was new rather than already recorded. */
    public Mono<Boolean> record(StreamEvent event, ArticleDocument article) {
        Document document = new Document("articleId", event.article().id())
                .append("action", event.article().action().name())
                .append("version", event.article().version())
                .append(PARTITION, event.position().partition())
                .append(OFFSET, event.position().offset())
                .append(STORED_AT, Date.from(event.article().storedAt()))
                .append("article", article.viewDocument());
        return register(event.position().partition())
                .then(Mono.from(events.insertOne(document)))
                .thenReturn(true)
                .onErrorResume(DuplicateKey::isDuplicateKey, duplicate -> Mono.just(false));
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

    /** Up to {@code limit} events after the cursor, in offset order per partition. */
    public Flux<StreamEvent> readAfter(StreamCursor cursor, int limit) {
        List<Bson> unseen = new ArrayList<>();
        cursor.offsets().forEach((partition, offset) -> unseen.add(and(eq(PARTITION, partition), gt(OFFSET, offset))));
        unseen.add(nin(PARTITION, new ArrayList<>(cursor.offsets().keySet())));
        return Flux.from(events.find(or(unseen)).sort(Sorts.ascending(PARTITION, OFFSET)).limit(limit))
                .map(StreamEventLog::toEvent);
    }

    /** The cursor after the newest event of every partition, including events already trimmed. */
    public Mono<StreamCursor> head() {
        return newestPerPartition(partition -> eq(PARTITION, partition)).zipWith(trimmedThrough(), StreamCursor::max);
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
        return new StreamEvent(new SourcePosition(document.getInteger(PARTITION), document.getLong(OFFSET)),
                ArticleDocument.viewOf(document.get("article", Document.class)));
    }
}
