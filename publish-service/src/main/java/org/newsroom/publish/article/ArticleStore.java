package org.newsroom.publish.article;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.newsroom.publish.mongo.DuplicateKey;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** The {@code articles} collection: one document per article, always at its newest version. */
@Component
public class ArticleStore {

    static final String COLLECTION = "articles";

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

    public Mono<ArticleView> findById(String id) {
        return Mono.from(articles.find(eq(ArticleDocument.ID, id)).first()).map(ArticleDocument::toView);
    }
}
