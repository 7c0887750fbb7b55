package org.newsroom.publish.mongo;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports MongoDB as up when the read-model database answers {@code ping}. Replaces Boot's
 * indicator, which sends {@code hello}: the in-process MongoDB that the local launcher and the tests
 * run (mongo-java-server) does not know that command, and a health that is always DOWN there would
 * keep the service from ever being ready. {@code ping} works on every MongoDB.
 */
class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final MongoDatabase database;

    MongoPingHealthIndicator(MongoDatabase database) {
        super("MongoDB ping failed");
        this.database = database;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.from(database.runCommand(new Document("ping", 1)))
                .map(answer -> builder.up().withDetail("database", database.getName()).build());
    }
}
