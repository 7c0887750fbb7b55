package org.newsroom.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the launcher runs and where, as {@link NewsroomCli} read it from the command line and the
 * {@code -Dnewsroom.*} system properties. The default ports are the ones the services use when
 * started without configuration, so a service started by hand still finds Kafka and Mongo.
 *
 * @param home           the repository checkout holding the services' build output
 * @param ports          port by {@link Port}
 * @param startupTimeout how long each service may take to report UP
 * @param reset          delete all local data before starting
 * @param verbose        also follow the services' logs in the terminal, not only in their files
 */
public record LauncherSettings(Path home, Map<Port, Integer> ports, Duration startupTimeout,
                               boolean reset, boolean verbose) {

    /** Every port the launcher binds or hands to a service. */
    public enum Port {
        KAFKA("kafka-port", "Kafka", 9092),
        KAFKA_CONTROLLER("kafka-controller-port", "Kafka controller", 9093),
        MONGO("mongo-port", "Mongo", 27017),
        INGEST("ingest-port", ServiceJars.INGEST, 8081),
        ENRICH("enrich-port", ServiceJars.ENRICH, 8082),
        PUBLISH("publish-port", ServiceJars.PUBLISH, 8083);

        private final String option;
        private final String label;
        private final int defaultPort;

        Port(String option, String label, int defaultPort) {
            this.option = option;
            this.label = label;
            this.defaultPort = defaultPort;
        }

        /** The command-line option without dashes; the system property is {@code newsroom.<option>}. */
        public String option() {
            return option;
        }

        public String label() {
            return label;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    public LauncherSettings {
        ports = Map.copyOf(ports);
    }

    public int port(Port port) {
        return Objects.requireNonNull(ports.get(port), port::label);
    }

    /** Everything the launcher writes: Kafka's data, the Mongo file and the logs. */
    public Path dataDir() {
        return home.resolve(".newsroom");
    }

    public Path logsDir() {
        return dataDir().resolve("logs");
    }
}
