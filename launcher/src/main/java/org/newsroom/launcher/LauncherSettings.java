package org.newsroom.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the launcher runs and where, from command-line options or {@code -Dnewsroom.*} system
 * properties (options win). The defaults are the ports the services use when started without
 * configuration, so a service started by hand still finds Kafka and Mongo.
 *
 * @param home           the repository checkout holding the services' build output
 * @param ports          port by {@link Port}
 * @param startupTimeout how long each service may take to report UP
 * @param reset          delete all local data before starting
 * @param quiet          keep the services' output in their log files only
 * @param help           print the usage and do nothing else
 */
public record LauncherSettings(Path home, Map<Port, Integer> ports, Duration startupTimeout,
                               boolean reset, boolean quiet, boolean help) {

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
    }

    private static final String TIMEOUT_OPTION = "startup-timeout";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(4);

    public static final String USAGE = """
            Usage: ./newsroom [options]
                   ./newsroom story FILE      print a plain-text story (headline first) as JSON for POST /v1/stories
                   ./newsroom push FILE [--ingest-port=N]  sign that JSON as the local partner and post it to ingest
              --reset                   delete all local data (.newsroom/) before starting
              --quiet                   keep the services' output in .newsroom/logs only
              --kafka-port=N            default 9092
              --kafka-controller-port=N default 9093
              --mongo-port=N            default 27017
              --ingest-port=N           default 8081
              --enrich-port=N           default 8082
              --publish-port=N          default 8083
              --startup-timeout=S       seconds each service may take to become healthy, default 240
              --help
            Every value option can also be given as a system property, e.g. -Dnewsroom.kafka-port=19092.
            The repository folder is -Dnewsroom.home (default: the current folder).""";

    public LauncherSettings {
        ports = Map.copyOf(ports);
    }

    /**
     * @throws IllegalArgumentException for an unknown option or a value that is not a number
     */
    public static LauncherSettings parse(String[] args, Properties systemProperties) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Port port : Port.values()) {
            copyProperty(systemProperties, port.option(), values);
        }
        copyProperty(systemProperties, TIMEOUT_OPTION, values);
        boolean reset = false;
        boolean quiet = false;
        boolean help = false;
        for (String arg : args) {
            switch (arg) {
                case "--reset" -> reset = true;
                case "--quiet" -> quiet = true;
                case "--help", "-h" -> help = true;
                default -> {
                    int equals = arg.indexOf('=');
                    String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : "";
                    if (!isValueOption(name)) {
                        throw new IllegalArgumentException("Unknown option " + arg);
                    }
                    values.put(name, arg.substring(equals + 1));
                }
            }
        }
        Map<Port, Integer> ports = new LinkedHashMap<>();
        for (Port port : Port.values()) {
            ports.put(port, number(values, port.option(), port.defaultPort, 65535));
        }
        Duration timeout = Duration.ofSeconds(number(values, TIMEOUT_OPTION, (int) DEFAULT_TIMEOUT.toSeconds(), 3600));
        Path home = Path.of(systemProperties.getProperty("newsroom.home", "")).toAbsolutePath().normalize();
        return new LauncherSettings(home, ports, timeout, reset, quiet, help);
    }

    public int port(Port port) {
        return ports.get(port);
    }

    /** Everything the launcher writes: Kafka's data, the Mongo file and the logs. */
    public Path dataDir() {
        return home.resolve(".newsroom");
    }

    public Path logsDir() {
        return dataDir().resolve("logs");
    }

    private static boolean isValueOption(String name) {
        if (name.equals(TIMEOUT_OPTION)) {
            return true;
        }
        for (Port port : Port.values()) {
            if (port.option().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void copyProperty(Properties systemProperties, String option, Map<String, String> values) {
        String value = systemProperties.getProperty("newsroom." + option);
        if (value != null) {
            values.put(option, value);
        }
    }

    private static int number(Map<String, String> values, String option, int defaultValue, int max) {
        String value = values.get(option);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 1 || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " needs a number from 1 to " + max + ", not '" + value + "'");
        }
    }
}
