package org.newsroom.publish.mongo;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;

import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read-model database, taken from {@code spring.mongodb.uri} (or {@code spring.mongodb.database}).
 * Boot only creates the reactive client; the stores use the driver directly.
 */
@Configuration(proxyBeanMethods = false)
class MongoDatabaseConfiguration {

    @Bean
    MongoDatabase newsroomDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    /** Named so that Boot's own Mongo health indicator backs off; the contributor is called "mongo". */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase newsroomDatabase) {
        return new MongoPingHealthIndicator(newsroomDatabase);
    }
}
