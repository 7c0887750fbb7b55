package org.newsroom.bench;

import java.io.IOException;
import java.nio.file.Path;

import org.newsroom.launcher.LocalKafkaBroker;
import org.newsroom.launcher.LocalMongoServer;

/**
 * The Kafka broker and the Mongo-compatible store of a bench run (the launcher's durable, file-backed
 * one, in the run's folder, as {@code ./newsroom} runs it), in a JVM of their own
 * so that their CPU time is counted apart from the bench's load generator. Started by
 * {@link BenchStack}; prints {@value #READY} once both listen and runs until its standard input
 * closes (the bench ended, however) or it is told to stop.
 *
 * <p>Arguments: the data folder, the Kafka port, the controller port and the store's port.
 */
public final class BrokerAndStoreHost {

    static final String READY = "BROKER-AND-STORE-READY";

    private BrokerAndStoreHost() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: BrokerAndStoreHost <dir> <kafka-port> <controller-port> <store-port>");
            System.exit(2);
        }
        LocalMongoServer mongo = LocalMongoServer.fileBacked(Path.of(args[0]).resolveSibling("mongo.mv"), "127.0.0.1",
                Integer.parseInt(args[3]));
        LocalKafkaBroker kafka = LocalKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.close();
        }, "broker-and-store-stop"));
        System.out.println(READY + " " + kafka.bootstrapServers() + " " + mongo.port());
        while (System.in.read() >= 0) {
            // nothing is sent; end of input means the bench is gone
        }
        System.exit(0);
    }
}
