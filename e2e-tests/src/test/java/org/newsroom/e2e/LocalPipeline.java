package org.newsroom.e2e;

import java.util.Map;

import org.newsroom.launcher.LocalMongoServer;

/**
 * The three services on a broker of the test's, with mongo-java-server in memory on 127.0.0.1,
 * stopped together.
 */
final class LocalPipeline implements AutoCloseable {

    private final LocalMongoServer mongo;

    private final NewsroomServices services;

    private LocalPipeline(LocalMongoServer mongo, NewsroomServices services) {
        this.mongo = mongo;
        this.services = services;
    }

    /**
     * @param overrides extra environment variables by service name, as for {@link NewsroomServices#start}
     */
    static LocalPipeline start(String kafkaBootstrapServers, String run, Map<String, Map<String, String>> overrides) {
        return start(kafkaBootstrapServers, run, overrides, Map.of());
    }

    /**
     * @param instances how many instances of a service to run, by service name (one if not named)
     */
    static LocalPipeline start(String kafkaBootstrapServers, String run, Map<String, Map<String, String>> overrides,
            Map<String, Integer> instances) {
        LocalMongoServer mongo = LocalMongoServer.inMemory("127.0.0.1", 0);
        try {
            return new LocalPipeline(mongo, NewsroomServices.start(kafkaBootstrapServers,
                    mongo.connectionString("newsroom"), run, overrides, instances));
        }
        catch (RuntimeException | Error e) {
            mongo.close();
            throw e;
        }
    }

    NewsroomServices services() {
        return services;
    }

    String mongoUri() {
        return mongo.connectionString("newsroom");
    }

    @Override
    public void close() {
        try {
            services.close();
        }
        finally {
            mongo.close();
        }
    }
}
