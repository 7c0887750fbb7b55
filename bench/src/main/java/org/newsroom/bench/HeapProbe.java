package org.newsroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live heap of a service's JVM: a full collection ({@code jcmd <pid> GC.run}), then the heap
 * in use as the service reports it ({@code jvm.memory.used} of area heap on its actuator), or, if
 * the service does not answer, as {@code jcmd GC.heap_info} reports it.
 */
final class HeapProbe {

    /** G1: {@code garbage-first heap total 262144K, used 12345K}; Serial/Parallel: one line per generation. */
    private static final Pattern USED = Pattern.compile("(?:heap|generation)\\s+total \\d+K, used (\\d+)K");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HeapProbe() {
    }

    /** Heap in use after a full collection, in bytes. */
    static long usedAfterGc(HttpClient client, URI service, long pid) {
        jcmd(pid, "GC.run");
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
                    if (measurement.path("statistic").asString().equals("VALUE")) {
                        return (long) measurement.path("value").asDouble();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // read it from the JVM instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return usedBytes(jcmd(pid, "GC.heap_info"));
    }

    static long usedBytes(String heapInfo) {
        Matcher matcher = USED.matcher(heapInfo);
        long kib = 0;
        boolean found = false;
        while (matcher.find()) {
            kib += Long.parseLong(matcher.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("No heap figures in jcmd's answer:\n" + heapInfo);
        }
        return kib * 1024;
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid), command))
                    .redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + command + " did not finish");
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + jcmd + " (a JDK is needed, not a JRE): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
