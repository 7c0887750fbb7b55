package org.newsroom.publish.stream;

import java.time.Duration;
import java.util.Date;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.newsroom.publish.mongo.DuplicateKey;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The {@code stream_events} collection: the record of every change, in source order per partition.
 * It references the article instead of copying it; it is what stream resume will read from.
 */
@Component
public class StreamEventLog implements InitializingBean {

    static final String COLLECTION = "stream_events";

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> events;

    public StreamEventLog(MongoDatabase database) {
        this.events = database.getCollection(COLLECTION);
    }

    /**
     * Creates the index before the first event is recorded. It is unique because one source record
     * makes at most one change, so a redelivered record cannot be logged twice.
     */
    @Override
    public void afterPropertiesSet() {
        Mono.from(events.createIndex(Indexes.ascending("partition", "offset"), new IndexOptions().unique(true)))
                .block(INDEX_TIMEOUT);
    }

    /** Records the event; tells whether it was new rather than already recorded. */
    public Mono<Boolean> record(StreamEvent event) {
        Document document = new Document("articleId", event.article().id())
                .append("action", event.article().action().name())
                .append("version", event.article().version())
                .append("partition", event.position().partition())
                .append("offset", event.position().offset())
                .append("storedAt", Date.from(event.article().storedAt()));
        return Mono.from(events.insertOne(document))
                .thenReturn(true)
                .onErrorResume(DuplicateKey::isDuplicateKey, duplicate -> Mono.just(false));
    }
}
