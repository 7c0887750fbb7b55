package org.newsroom.launcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * One service running as a child JVM, typically {@code java -jar <service>-exec.jar}.
 *
 * <p>The child's stdout and stderr go, line by line, to a log file and (if echoed) to this
 * JVM's stdout prefixed with {@code [name] }, so a failure can always be explained from the file.
 * Children are stopped when this JVM exits, even if the caller forgets to close them, because a
 * leftover service would keep its port and make the next run fail.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Spring's graceful shutdown drains requests and closes Kafka clients; give it this long. */
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);
    private static final Duration FORCED_STOP = Duration.ofSeconds(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int FAILURE_TAIL_LINES = 40;
    private static final int KEPT_LINES = 200;
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private static final Set<ServiceProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServiceProcess::stopAllRunning, "service-process-reaper"));
    }

    private final String name;
    private final int port;
    private final Path logFile;
    private final Process process;
    private final Thread outputPump;
    private final Deque<String> recentLines = new ArrayDeque<>();

    private ServiceProcess(String name, int port, Path logFile, Process process, BufferedWriter log, boolean echo) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
        this.outputPump = new Thread(() -> pumpOutput(log, echo), name + "-output");
        this.outputPump.setDaemon(true);
        this.outputPump.start();
    }

    /** Starts {@code <java.home>/bin/java <jvmArgs> -jar <jar>} and echoes its output to stdout. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env,
                                       List<String> jvmArgs, Path logFile) {
        return start(name, jar, port, env, jvmArgs, logFile, true);
    }

    /**
     * Starts {@code <java.home>/bin/java <jvmArgs> -jar <jar>}.
     *
     * @param echo {@code false} writes the child's output to {@code logFile} only
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env,
                                       List<String> jvmArgs, Path logFile, boolean echo) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No executable jar for " + name + " at " + jar);
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return start(name, command, port, env, logFile, echo);
    }

    /**
     * Starts an arbitrary command, for children that are not an executable jar (e.g. a class on a
     * test classpath). {@code SERVER_PORT} is always set to {@code port}.
     */
    public static ServiceProcess start(String name, List<String> command, int port, Map<String, String> env,
                                       Path logFile, boolean echo) {
        try {
            Path parent = logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                log.close();
                throw e;
            }
            ServiceProcess service = new ServiceProcess(name, port, logFile, process, log, echo);
            RUNNING.add(service);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " with " + command, e);
        }
    }

    /** The {@code java} launcher of the JDK running this JVM, so children use the same Java. */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Waits until {@code GET /actuator/health} answers with status UP.
     *
     * @throws IllegalStateException if the process exits first or {@code timeout} passes; the message
     *                               carries the last log lines because that is where the cause is
     */
    public void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + exitCodeAfterOutput()
                        + " before it became healthy." + tailForMessage());
            }
            if (reportsUp(client, request)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not report UP at " + request.uri() + " within "
                        + timeout.toSeconds() + " s." + tailForMessage());
            }
            waitForExit(POLL_INTERVAL);
        }
    }

    /** For example {@code http://127.0.0.1:8081}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit code when the child ends, however it ends. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** The last {@code lines} lines the child printed (at most the last 200 are kept in memory). */
    public List<String> logTail(int lines) {
        synchronized (recentLines) {
            List<String> all = new ArrayList<>(recentLines);
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    /**
     * Asks the child to stop (SIGTERM, so Spring shuts down gracefully), waits up to 15 s and then
     * kills it and anything it started.
     */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            // Signal through the handle: Process.destroy() would also close the output pipe and so
            // lose the child's shutdown log lines.
            if (process.isAlive()) {
                process.toHandle().destroy();
                if (!waitForExit(GRACEFUL_STOP)) {
                    process.toHandle().destroyForcibly();
                    waitForExit(FORCED_STOP);
                }
            }
        } finally {
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            RUNNING.remove(this);
            joinOutputPump();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }

    private static void stopAllRunning() {
        List.copyOf(RUNNING).parallelStream().forEach(ServiceProcess::close);
    }

    private boolean reportsUp(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to become healthy", e);
        }
    }

    /** Waits for the child to end, returning early when it does; {@code true} if it has ended. */
    private boolean waitForExit(Duration atMost) {
        try {
            process.onExit().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot watch " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.toHandle().destroyForcibly();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    private int exitCodeAfterOutput() {
        joinOutputPump();
        return process.exitValue();
    }

    private String tailForMessage() {
        List<String> tail = logTail(FAILURE_TAIL_LINES);
        StringBuilder message = new StringBuilder(" Full log: ").append(logFile.toAbsolutePath());
        message.append(tail.isEmpty() ? "\n(no output)" : "\nLast " + tail.size() + " log lines:");
        tail.forEach(line -> message.append("\n  ").append(line));
        return message.toString();
    }

    /** Lets the pump write the child's last lines, so a failure message shows the real cause. */
    private void joinOutputPump() {
        try {
            outputPump.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Always drains the child's output, even if the log file fails: a full pipe would block the child. */
    private void pumpOutput(BufferedWriter log, boolean echo) {
        String prefix = "[" + name + "] ";
        boolean logWritable = true;
        try (log; BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                remember(line);
                if (echo) {
                    System.out.println(prefix + line);
                }
                if (logWritable) {
                    logWritable = append(log, line);
                }
            }
        } catch (IOException e) {
            System.err.println(prefix + "lost the output: " + e.getMessage());
        }
    }

    private boolean append(BufferedWriter log, String line) {
        try {
            log.write(line);
            log.newLine();
            log.flush();
            return true;
        } catch (IOException e) {
            System.err.println("[" + name + "] stopped writing " + logFile + ": " + e.getMessage());
            return false;
        }
    }

    private void remember(String line) {
        synchronized (recentLines) {
            if (recentLines.size() == KEPT_LINES) {
                recentLines.removeFirst();
            }
            recentLines.addLast(line);
        }
    }
}
