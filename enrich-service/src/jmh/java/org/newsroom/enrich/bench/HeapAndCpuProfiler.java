package org.newsroom.enrich.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Two figures JMH's own profilers do not give, measured inside the benchmark's JVM:
 * <ul>
 * <li>the CPU time of the whole process per operation (all threads, the collector's and the
 * compiler's included), which depends less than throughput on what else runs on a shared
 * machine, though not at all only on the code: a busy host slows the CPU time too, which is why
 * the benchmark also compares the two {@linkplain InterleavedComparison taking turns};
 * <li>the heap a benchmark really needs: after every measured iteration a full collection and
 * then the used heap, so that what is left is what the state (models, alias table, archive
 * index) keeps alive; and the maximum heap, to show the limit the run was held to.
 * </ul>
 */
public final class HeapAndCpuProfiler implements InternalProfiler {

    static final String CPU = "cpu.msPerOp";
    static final String USED = "heap.usedAfterGc";
    static final String MAX = "heap.max";
    private static final double MIB = 1024.0 * 1024.0;

    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation; used heap after a full GC and maximum heap per iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        double cpuMillis = (processCpuNanos() - cpuAtStart) / 1e6;
        long operations = Math.max(1, result.getMetadata().getMeasuredOps());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Two collections: the first may only move finalizable and softly reachable objects along.
        memory.gc();
        memory.gc();
        return List.of(
                new ScalarResult(CPU, cpuMillis / operations, "ms/op", AggregationPolicy.AVG),
                new ScalarResult(USED, memory.getHeapMemoryUsage().getUsed() / MIB, "MiB", AggregationPolicy.MAX),
                new ScalarResult(MAX, Runtime.getRuntime().maxMemory() / MIB, "MiB", AggregationPolicy.MAX));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
