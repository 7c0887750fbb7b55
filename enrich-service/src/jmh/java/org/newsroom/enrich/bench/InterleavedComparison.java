package org.newsroom.enrich.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.sun.management.ThreadMXBean;
import org.newsroom.contract.ArticleEvent;

/**
 * The ratio measured so that the machine's changing speed cancels out. On a shared machine the
 * same code runs at different speeds minutes apart, and JMH measures the two benchmarks one after
 * the other in different JVMs, so its ratio moves by several hundredths from run to run. Here the
 * bare pipeline and the full enrichment take turns on every article, in one thread of one JVM,
 * the one that went first going second on the next article, and the thread's CPU time and
 * allocated bytes are summed for each: whatever slows the machine slows both alike.
 *
 * <p>Only the benchmark thread is counted: the collector's work grows with the bytes allocated,
 * which are reported beside it; the compiler's work ends with the warm-up.
 */
final class InterleavedComparison {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private InterleavedComparison() {
    }

    /**
     * Warms both up for the given time, then measures both for the given time.
     *
     * @param beforeMeasuring run between the warm-up and the measurement, to reset counters of its own
     */
    static Result run(List<ArticleEvent> articles, Consumer<ArticleEvent> bare, Consumer<ArticleEvent> full,
            Duration warmUp, Duration measured, Runnable beforeMeasuring) {
        turns(articles, bare, full, warmUp);
        beforeMeasuring.run();
        return turns(articles, bare, full, measured);
    }

    private static Result turns(List<ArticleEvent> articles, Consumer<ArticleEvent> bare, Consumer<ArticleEvent> full,
            Duration duration) {
        Usage bareUsage = new Usage();
        Usage fullUsage = new Usage();
        long end = System.nanoTime() + duration.toNanos();
        int count = 0;
        while (System.nanoTime() < end) {
            for (ArticleEvent article : articles) {
                boolean bareFirst = count % 2 == 0;
                (bareFirst ? bareUsage : fullUsage).add(bareFirst ? bare : full, article);
                (bareFirst ? fullUsage : bareUsage).add(bareFirst ? full : bare, article);
                count++;
            }
        }
        return new Result(count, bareUsage.cpuNanos / 1e6 / count, fullUsage.cpuNanos / 1e6 / count,
                bareUsage.bytes / 1e6 / count, fullUsage.bytes / 1e6 / count);
    }

    /** CPU milliseconds and allocated megabytes per article of each, and how many articles each handled. */
    record Result(int articles, double bareCpuMillis, double fullCpuMillis, double bareMegabytes,
            double fullMegabytes) {

        /** Full over bare by articles per CPU second: bare's CPU per article over full's. */
        double ratio() {
            return bareCpuMillis / fullCpuMillis;
        }
    }

    private static final class Usage {

        long cpuNanos;
        long bytes;

        void add(Consumer<ArticleEvent> work, ArticleEvent article) {
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long bytesBefore = THREADS.getCurrentThreadAllocatedBytes();
            work.accept(article);
            cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuBefore;
            bytes += THREADS.getCurrentThreadAllocatedBytes() - bytesBefore;
        }
    }
}
