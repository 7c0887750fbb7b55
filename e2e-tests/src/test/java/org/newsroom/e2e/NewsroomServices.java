package org.newsroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.newsroom.launcher.PartnerCredentials;
import org.newsroom.launcher.ServiceJars;
import org.newsroom.launcher.ServiceProcess;

/**
 * The three services' executable jars, each in its own JVM as in production, wired to the broker
 * and store a test provides.
 */
final class NewsroomServices implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    /** The only partner ingest knows in these tests; scenarios sign their pushes with it. */
    static final PartnerCredentials PARTNER = new PartnerCredentials("e2e-partner", "e2e-key", "e2e-secret");
    private static final List<String> JVM_ARGS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final List<ServiceProcess> processes = new ArrayList<>();
    private final ServiceProcess ingest;
    private final ServiceProcess enrich;
    private final ServiceProcess publish;

    private NewsroomServices(String kafkaBootstrapServers, String mongoUri, Path logs) {
        Path home = Path.of(System.getProperty("newsroom.home", ".."));
        Map<String, Path> jars = ServiceJars.locateAll(home);
        Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        Map<String, String> ingestEnv = new HashMap<>(kafka);
        ingestEnv.putAll(PARTNER.ingestEnvironment(0));
        ingest = start(ServiceJars.INGEST, jars, ingestEnv, logs);
        enrich = start(ServiceJars.ENRICH, jars, kafka, logs);
        publish = start(ServiceJars.PUBLISH, jars,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers, "MONGODB_URI", mongoUri), logs);
    }

    /** Starts all three services and returns once every one reports healthy. */
    static NewsroomServices start(String kafkaBootstrapServers, String mongoUri) {
        Path logs = Path.of("target", "e2e-logs");
        try {
            Files.createDirectories(logs);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NewsroomServices services = new NewsroomServices(kafkaBootstrapServers, mongoUri, logs);
        try {
            CompletableFuture.allOf(services.processes.stream()
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
        return ingest.baseUri();
    }

    URI enrich() {
        return enrich.baseUri();
    }

    URI publish() {
        return publish.baseUri();
    }

    private ServiceProcess start(String name, Map<String, Path> jars, Map<String, String> env, Path logs) {
        ServiceProcess process = ServiceProcess.start(name, jars.get(name), freePort(), env, JVM_ARGS,
                logs.resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        processes.forEach(ServiceProcess::close);
    }
}
