package org.newsroom.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time (user + system, every thread, the collector's and the compiler's included) of each
 * process of the stack, read before and after a phase: what each process spent on it.
 */
final class ProcessCpu {

    /** The bench's own JVM: load generators, subscribers and watchers. */
    static final String BENCH = "bench";

    private final Map<String, Long> nanos;

    private ProcessCpu(Map<String, Long> nanos) {
        this.nanos = nanos;
    }

    /** Now, for each process by name; a process that has ended reads -1. */
    static ProcessCpu read(Map<String, Long> pids) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        pids.forEach((name, pid) -> nanos.put(name, cpuNanos(pid)));
        return new ProcessCpu(nanos);
    }

    /**
     * Milliseconds of CPU each process spent since {@code before}, divided by {@code stories}; a
     * process missing from either reading is left out.
     */
    Map<String, Double> millisPerStorySince(ProcessCpu before, long stories) {
        Map<String, Double> perStory = new LinkedHashMap<>();
        if (stories <= 0) {
            return perStory;
        }
        nanos.forEach((name, after) -> {
            Long start = before.nanos.get(name);
            if (start != null && start >= 0 && after >= 0) {
                perStory.put(name, (after - start) / 1e6 / stories);
            }
        });
        return perStory;
    }

    private static long cpuNanos(long pid) {
        if (pid == ProcessHandle.current().pid()
                && ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(-1L);
    }
}
