package org.newsroom.publish.article;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** The {@code articles} collection: one document per article, always at its newest version. */
@Component
public class ArticleStore implements InitializingBean {

    static final String COLLECTION = "articles";

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private static final String SOURCE_POSITION = "sourcePosition";

    /** Each article has at most one write in a batch, so the writes' order does not matter. */
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    /** Fresh reads of a batch after writers raced for its articles; more means something is wrong. */
    private static final int CONFLICT_ROUNDS = 5;

    /** Newest first, the id breaking ties: the order of every list, and what a page cursor points into. */
    private static final Bson NEWEST_FIRST = Sorts.descending(ArticleDocument.FIRST_CREATED, ArticleDocument.ID);

    private final MongoCollection<Document> articles;

    public ArticleStore(MongoDatabase database) {
        this.articles = database.getCollection(COLLECTION);
    }

    /**
     * Stores the article unless a same or newer version is already stored, and tells whether the
     * article changed; see {@link #storeAll}.
     */
    public Mono<Boolean> storeIfNewer(ArticleDocument article) {
        return storeAll(List.of(article)).map(changed -> changed.get(0));
    }

    /**
     * Stores each article of the batch unless a same or newer version is already stored, in the
     * batch's order, and tells for each (in that order) whether it changed the article. Kafka
     * delivers at least once and a replay re-sends everything, so the writes must be idempotent; the
     * version guard also keeps a late, older version from overwriting a newer one.
     *
     * <p>One exception to "same version changes nothing": a redelivery of the very record (same
     * source position) that stored the version is applied again and answers {@code true}. The
     * previous delivery may have failed after storing the article but before its stream event was
     * recorded; answering {@code false} would lose that event for good. Recording stream events is
     * idempotent per source position, so subscribers still see one event per change.
     *
     * <p>One read of the stored versions ({@code _id $in}) and one unordered bulk write of at most
     * one write per article: an insert where none was stored, else a replace guarded by the version
     * that was read. Several versions of one article in a batch are decided in order in memory, and
     * only the newest change is written, so per-article order holds without ordered writes. A guard
     * that no longer matches (or an insert beaten by another writer) means another instance wrote
     * meanwhile: the batch is decided again from a fresh read.
     */
    public Mono<List<Boolean>> storeAll(List<ArticleDocument> batch) {
        return storeAll(batch, CONFLICT_ROUNDS);
    }

    private Mono<List<Boolean>> storeAll(List<ArticleDocument> batch, int roundsLeft) {
        if (batch.isEmpty()) {
            return Mono.just(List.of());
        }
        List<String> ids = batch.stream().map(ArticleDocument::id).distinct().toList();
        return Flux.from(articles.find(in(ArticleDocument.ID, ids))
                        .projection(Projections.include(ArticleDocument.VERSION, SOURCE_POSITION)))
                .collectMap(stored -> stored.getString(ArticleDocument.ID), StoredVersion::of)
                .flatMap(stored -> {
                    BatchPlan plan = BatchPlan.of(batch, stored);
                    if (plan.writes().isEmpty()) {
                        return Mono.just(plan.changed());
                    }
                    return Mono.from(articles.bulkWrite(plan.writes(), UNORDERED))
                            .map(result -> result.getInsertedCount() + result.getMatchedCount() == plan.writes().size())
                            .onErrorResume(ArticleStore::onlyLostRaces, lost -> Mono.just(false))
                            .flatMap(allApplied -> {
                                if (allApplied) {
                                    return Mono.just(plan.changed());
                                }
                                if (roundsLeft <= 1) {
                                    return Mono.error(new IllegalStateException(
                                            "Other writers kept changing the articles of this batch"));
                                }
                                return storeAll(batch, roundsLeft - 1);
                            });
                });
    }

    /** A bulk write whose only failures are inserts that another writer beat to the id. */
    private static boolean onlyLostRaces(Throwable error) {
        return error instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null
                && bulk.getWriteErrors().stream().allMatch(write -> write.getCategory() == ErrorCategory.DUPLICATE_KEY);
    }

    /** The version stored for an article and the record that stored it. */
    private record StoredVersion(long version, SourcePosition position) {

        static StoredVersion of(Document stored) {
            Document source = stored.get(SOURCE_POSITION, Document.class);
            return new StoredVersion(stored.getLong(ArticleDocument.VERSION),
                    new SourcePosition(source.getInteger("partition"), source.getLong("offset")));
        }

        /** Whether the article changes, or had been changed by this very record. */
        boolean changedBy(ArticleDocument article) {
            return version < article.version() || version == article.version() && position.equals(article.position());
        }
    }

    /** What a batch changes, decided against the versions read, and the writes that store it. */
    private record BatchPlan(List<Boolean> changed, List<WriteModel<Document>> writes) {

        static BatchPlan of(List<ArticleDocument> batch, Map<String, StoredVersion> read) {
            Map<String, StoredVersion> current = new HashMap<>(read);
            Map<String, ArticleDocument> newest = new LinkedHashMap<>();
            List<Boolean> changed = new ArrayList<>(batch.size());
            for (ArticleDocument article : batch) {
                StoredVersion stored = current.get(article.id());
                boolean changes = stored == null || stored.changedBy(article);
                if (changes) {
                    current.put(article.id(), new StoredVersion(article.version(), article.position()));
                    newest.put(article.id(), article);
                }
                changed.add(changes);
            }
            List<WriteModel<Document>> writes = new ArrayList<>(newest.size());
            newest.forEach((id, article) -> {
                StoredVersion before = read.get(id);
                writes.add(before == null ? new InsertOneModel<>(article.storedDocument())
                        : new ReplaceOneModel<>(and(eq(ArticleDocument.ID, id), eq(ArticleDocument.VERSION,
                                before.version())), article.storedDocument()));
            });
            return new BatchPlan(changed, writes);
        }
    }

    /**
     * Creates the indexes of the list queries before the first request: one per filter, each
     * continuing with the withdrawn flag and the list order, so that a page is read straight off an
     * index in order, however many articles there are. A query with several filters uses one of them
     * and checks the others on the documents it reads.
     */
    @Override
    public void afterPropertiesSet() {
        // Unique by nature (the id is); it lets mongo-java-server, which uses an index only for an
        // exact match of all its fields, find a version-guarded replace without scanning the collection.
        Flux.from(articles.createIndex(Indexes.ascending(ArticleDocument.ID, ArticleDocument.VERSION),
                new IndexOptions().unique(true).name("id_version"))).then().block(INDEX_TIMEOUT);
        Bson listed = Indexes.compoundIndex(Indexes.ascending(ArticleDocument.WITHDRAWN), NEWEST_FIRST);
        List<IndexModel> indexes = new ArrayList<>();
        indexes.add(new IndexModel(listed));
        for (String filtered : List.of(ArticleDocument.ENTITY_KEYS, ArticleDocument.LANGUAGE_KEY,
                ArticleDocument.ENTITY_TYPES)) {
            indexes.add(new IndexModel(Indexes.compoundIndex(Indexes.ascending(filtered), listed)));
        }
        Flux.from(articles.createIndexes(indexes)).then().block(INDEX_TIMEOUT);
    }

    /**
     * Up to {@code limit} articles matching the filter, newest first, after the cursor if one is
     * given; withdrawn articles are never listed. Reads one more than asked to know whether a next
     * page exists, so the last page says so instead of leading to an empty one.
     */
    public Mono<ArticlePage> page(ArticleFilter filter, @Nullable PageCursor before, int limit) {
        List<Bson> conditions = new ArrayList<>(filter.toQuery());
        conditions.add(eq(ArticleDocument.WITHDRAWN, false));
        if (before != null) {
            Date created = Date.from(before.firstCreated());
            conditions.add(or(lt(ArticleDocument.FIRST_CREATED, created),
                    and(eq(ArticleDocument.FIRST_CREATED, created), lt(ArticleDocument.ID, before.id()))));
        }
        return Flux.from(articles.find(and(conditions)).sort(NEWEST_FIRST).limit(limit + 1))
                .map(ArticleDocument::toView)
                .collectList()
                .map(found -> found.size() > limit
                        ? new ArticlePage(found.subList(0, limit), PageCursor.after(found.get(limit - 1)).encode())
                        : new ArticlePage(found, null));
    }

    public Mono<ArticleView> findById(String id) {
        return Mono.from(articles.find(eq(ArticleDocument.ID, id)).first()).map(ArticleDocument::toView);
    }
}
