package org.newsroom.publish.article;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.newsroom.publish.mongo.DuplicateKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** The {@code articles} collection: one document per article, always at its newest version. */
@Component
public class ArticleStore implements InitializingBean {

    static final String COLLECTION = "articles";

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    /** Newest first, the id breaking ties: the order of every list, and what a page cursor points into. */
    private static final Bson NEWEST_FIRST = Sorts.descending(ArticleDocument.FIRST_CREATED, ArticleDocument.ID);

    private final MongoCollection<Document> articles;

    public ArticleStore(MongoDatabase database) {
        this.articles = database.getCollection(COLLECTION);
    }

    /**
     * Stores the article unless a same or newer version is already stored, and tells whether the
     * article changed. Kafka delivers at least once and a replay re-sends everything, so the write
     * must be idempotent; the version guard also keeps a late, older version from overwriting a
     * newer one. When the guard does not match an existing article, the upsert tries to insert a
     * second document with the same {@code _id}: that duplicate-key error is the "already stored"
     * answer, not a failure.
     *
     * <p>One exception to "same version changes nothing": a redelivery of the very record (same
     * source position) that stored the version is applied again and answers {@code true}. The
     * previous delivery may have failed after storing the article but before its stream event was
     * recorded; answering {@code false} would lose that event for good. Recording stream events is
     * idempotent per source position, so subscribers still see one event per change.
     */
    public Mono<Boolean> storeIfNewer(ArticleDocument article) {
        SourcePosition position = article.position();
        Bson sameRecord = and(eq(ArticleDocument.VERSION, article.version()),
                eq(ArticleDocument.SOURCE_PARTITION, position.partition()),
                eq(ArticleDocument.SOURCE_OFFSET, position.offset()));
        return Mono.from(articles.updateOne(
                        and(eq(ArticleDocument.ID, article.id()),
                                or(lt(ArticleDocument.VERSION, article.version()), sameRecord)),
                        new Document("$set", article.fieldsToSet()),
                        new UpdateOptions().upsert(true)))
                .map(result -> result.getUpsertedId() != null || result.getMatchedCount() > 0)
                .onErrorResume(DuplicateKey::isDuplicateKey, duplicate -> Mono.just(false));
    }

    /**
     * Creates the indexes of the list queries before the first request: one per filter, each
     * continuing with the withdrawn flag and the list order, so that a page is read straight off an
     * index in order, however many articles there are. A query with several filters uses one of them
     * and checks the others on the documents it reads.
     */
    @Override
    public void afterPropertiesSet() {
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
