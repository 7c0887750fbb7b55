package org.newsroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a child JVM: {@code jcmd <pid> GC.run}, then {@code GC.heap_info}. Works for
 * any collector and needs nothing exposed by the service.
 */
final class HeapProbe {

    /** G1: {@code garbage-first heap total 262144K, used 12345K}; Serial/Parallel: one line per generation. */
    private static final Pattern USED = Pattern.compile("(?:heap|generation)\\s+total \\d+K, used (\\d+)K");

    private HeapProbe() {
    }

    /** Heap in use after a full collection, in bytes. */
    static long usedAfterGc(long pid) {
        jcmd(pid, "GC.run");
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
