package org.newsroom.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) running inside
 * the caller's JVM.
 *
 * <p>The storage directory is formatted only when it has never been formatted, so topics, records
 * and committed offsets survive a restart on the same {@code dataDir}. Everything listens on
 * 127.0.0.1 only: this broker is for one developer's machine, never for a network.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private boolean closed;

    private LocalKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the broker and returns once it accepts client connections.
     *
     * @param dataDir        folder that keeps the broker's logs and metadata between runs
     * @param port           client (PLAINTEXT) port on 127.0.0.1
     * @param controllerPort KRaft controller port on 127.0.0.1
     */
    public static LocalKafkaBroker start(Path dataDir, int port, int controllerPort) {
        Path logDir = dataDir.resolve("data").toAbsolutePath();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data folder " + logDir, e);
        }
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(logDir, port, controllerPort), false);
        formatOnFirstStart(logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(server);
            throw new IllegalStateException("The Kafka broker did not start on " + HOST + ":" + port
                    + " (controller port " + controllerPort + "): " + e.getMessage(), e);
        }
        return new LocalKafkaBroker(server, HOST + ":" + port);
    }

    /** The value for the clients' {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker and waits until its files are closed, so the next start finds them clean. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One node: every internal topic must be satisfiable by a single replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("default.replication.factor", "1");
        // Fewer internal partitions make the first start and the first consumer group join quicker.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        // There is only ever one consumer per group at start: do not wait for more to join.
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }

    /**
     * Writes meta.properties and the bootstrap metadata the way {@code kafka-storage.sh format}
     * does, but through {@link Formatter} directly because the command-line tool exits the JVM.
     */
    private static void formatOnFirstStart(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka storage folder " + logDir, e);
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
        } catch (RuntimeException ignored) {
            // The start already failed; that failure is the one worth reporting.
        }
    }
}
