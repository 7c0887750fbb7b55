package org.newsroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.newsroom.launcher.FreePorts;
import org.newsroom.launcher.PartnerCredentials;
import org.newsroom.launcher.ServiceJars;
import org.newsroom.launcher.ServiceProcess;

/**
 * The three services' executable jars, each in its own JVM as in production, wired to the broker
 * and store a test provides. A fault test can stop one service and start it again on the same port
 * with the same environment, as an orchestrator restarting a crashed instance would. A service can
 * run as several instances, as a scaled deployment runs it: the same environment on ports of their
 * own, and for enrich an archive folder of each instance's own.
 */
final class NewsroomServices implements AutoCloseable {

    /** Generous: on a shared two-core machine under load one service JVM was measured taking 193 s to start. */
    private static final Duration STARTUP = Duration.ofMinutes(5);
    /** The only partner ingest knows in these tests; scenarios sign their pushes with it. */
    static final PartnerCredentials PARTNER = new PartnerCredentials("e2e-partner", "e2e-key", "e2e-secret");
    private static final List<String> JVM_ARGS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final String ENRICH_ARCHIVE = "NEWSROOM_ENRICH_ARCHIVE_DIRECTORY";

    /** How one service is launched, kept so that it can be launched again exactly so. */
    private record Launch(String name, Path jar, int port, Map<String, String> environment) {
    }

    private final Path logs;
    private final Map<String, Launch> launches = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, Integer> starts = new HashMap<>();

    private NewsroomServices(String kafkaBootstrapServers, String mongoUri, Map<String, Map<String, String>> overrides,
            Map<String, Integer> instances, Path logs) {
        this.logs = logs;
        Map<String, Path> jars = ServiceJars.locateAll(Path.of(System.getProperty("newsroom.home", "..")));
        Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        Map<String, String> ingestEnv = new HashMap<>(kafka);
        ingestEnv.putAll(PARTNER.ingestEnvironment(0));
        Map<String, String> publishEnv = new HashMap<>(kafka);
        publishEnv.put("MONGODB_URI", mongoUri);
        Map<String, String> enrichEnv = new HashMap<>(kafka);
        Map<String, Map<String, String>> environments = Map.of(ServiceJars.INGEST, ingestEnv,
                ServiceJars.ENRICH, enrichEnv, ServiceJars.PUBLISH, publishEnv);
        for (String service : ServiceJars.SERVICES) {
            Map<String, String> env = new HashMap<>(environments.get(service));
            env.putAll(overrides.getOrDefault(service, Map.of()));
            for (int instance = 1; instance <= instances.getOrDefault(service, 1); instance++) {
                String name = instanceName(service, instance);
                if (service.equals(ServiceJars.ENRICH)) {
                    // An archive index of this instance's own, beside its logs: one left by another run
                    // (another broker) would cover offsets of a topic that no longer exists. A restart keeps it.
                    env.put(ENRICH_ARCHIVE, logs.resolve("enrich-archive-" + UUID.randomUUID()).toAbsolutePath().toString());
                }
                launches.put(name, new Launch(name, jars.get(service), FreePorts.pick(), Map.copyOf(env)));
            }
        }
    }

    /** The first instance of a service is named as the service, the others {@code <service>-<n>}. */
    private static String instanceName(String service, int instance) {
        return instance == 1 ? service : service + "-" + instance;
    }

    /** Starts all three services with their default settings and returns once every one reports healthy. */
    static NewsroomServices start(String kafkaBootstrapServers, String mongoUri) {
        return start(kafkaBootstrapServers, mongoUri, "pipeline", Map.of());
    }

    /**
     * Starts all three services and returns once every one reports healthy.
     *
     * @param run names the folder under {@code target/e2e-logs} that keeps this set's logs, so that
     *        the logs of one test class do not overwrite another's
     * @param overrides extra environment variables by service name ({@link ServiceJars#INGEST}, …)
     */
    static NewsroomServices start(String kafkaBootstrapServers, String mongoUri, String run,
            Map<String, Map<String, String>> overrides) {
        return start(kafkaBootstrapServers, mongoUri, run, overrides, Map.of());
    }

    /**
     * Starts the services, each as many times as {@code instances} says (once if it does not name
     * it), all at once, and returns once every instance reports healthy.
     */
    static NewsroomServices start(String kafkaBootstrapServers, String mongoUri, String run,
            Map<String, Map<String, String>> overrides, Map<String, Integer> instances) {
        Path logs = Path.of("target", "e2e-logs", run);
        try {
            Files.createDirectories(logs);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NewsroomServices services = new NewsroomServices(kafkaBootstrapServers, mongoUri, overrides, instances, logs);
        try {
            CompletableFuture.allOf(List.copyOf(services.launches.keySet()).stream()
                    .map(services::launch)
                    .map(process -> CompletableFuture.runAsync(() -> process.awaitHealthy(STARTUP)))
                    .toArray(CompletableFuture[]::new)).join();
        }
        catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    URI ingest() {
        return baseUri(ServiceJars.INGEST);
    }

    URI enrich() {
        return baseUri(ServiceJars.ENRICH);
    }

    URI publish() {
        return baseUri(ServiceJars.PUBLISH);
    }

    /** The base URI of every instance of a service, the first instance first. */
    List<URI> instances(String service) {
        List<URI> uris = new ArrayList<>();
        for (int instance = 1; launches.containsKey(instanceName(service, instance)); instance++) {
            uris.add(baseUri(instanceName(service, instance)));
        }
        return uris;
    }

    /** Stops one service gracefully (SIGTERM, as an orchestrator would), killing it if it hangs. */
    synchronized void stop(String service) {
        ServiceProcess process = running.remove(service);
        if (process != null) {
            process.close();
        }
    }

    /** Starts a stopped service again on its port, with its environment, and waits until it is healthy. */
    void startAgain(String service) {
        ServiceProcess process;
        synchronized (this) {
            if (running.containsKey(service)) {
                throw new IllegalStateException(service + " is still running");
            }
            process = launch(service);
        }
        process.awaitHealthy(STARTUP);
    }

    private URI baseUri(String service) {
        return URI.create("http://127.0.0.1:" + launches.get(service).port());
    }

    /** Each start of a service logs to its own file, so a restart keeps the log of the run before. */
    private synchronized ServiceProcess launch(String service) {
        Launch launch = launches.get(service);
        int start = starts.merge(service, 1, Integer::sum);
        String logName = start == 1 ? service + ".log" : service + "-start" + start + ".log";
        ServiceProcess process = ServiceProcess.start(service, launch.jar(), launch.port(), launch.environment(),
                JVM_ARGS, logs.resolve(logName));
        running.put(service, process);
        return process;
    }

    @Override
    public synchronized void close() {
        running.values().forEach(ServiceProcess::close);
        running.clear();
    }
}
