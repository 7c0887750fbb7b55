package org.newsroom.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import picocli.CommandLine.ParameterException;

/**
 * What one bench run does. Every loop the bench runs is bounded by one of these counts and by a
 * time limit, so a run always ends by itself.
 *
 * @param home              the repository checkout holding the services' exec jars
 * @param quick             the small version of every phase was asked for
 * @param archiveOnly       only the restart phase runs (with {@code --archive})
 * @param seed              story generator seed
 * @param ceilingRecords    records of the raw Kafka max-rate run
 * @param rate              stories per second of the sustained phase; 0: half the max-rate phase's delivered rate
 * @param sustainedSeconds  length of the sustained phase
 * @param subscribers       live SSE subscribers during the pipeline phases
 * @param warmUpStories     stories pushed (and not measured) before the max-rate phase
 * @param concurrency       closed-loop pushers of the max-rate phase
 * @param maxSeconds        length of the max-rate phase
 * @param maxStories        stories the max-rate phase pushes at most
 * @param drainSeconds      how long a phase waits for its stories to reach the subscribers
 * @param aloneThreads      threads of the enrichment-alone run (0 skips it)
 * @param storeDocuments    documents of the store's raw insert runs (0 skips them)
 * @param idleSubscribers   idle SSE connections opened for the heap figure (0 skips it)
 * @param replayEvents      missed events replayed on resume (0 skips it)
 * @param archive           archive sizes of the restart phase, ascending (empty skips it)
 * @param restartSeconds    how long a restarted service may take to be ready and settle
 * @param startupSeconds    how long each service may take to report UP
 * @param limitMinutes      the whole run is stopped (and the stack cleaned up) after this long
 */
public record BenchOptions(Path home, boolean quick, boolean archiveOnly, long seed, int ceilingRecords, int rate, int sustainedSeconds,
                           int subscribers, int warmUpStories, int concurrency, int maxSeconds, int maxStories,
                           int drainSeconds, int aloneThreads, int storeDocuments, int idleSubscribers,
                           int replayEvents, List<Integer> archive, int restartSeconds, int startupSeconds,
                           int limitMinutes) {

    /**
     * The options of {@code args}, as {@link BenchCli} reads them (and {@code --help} prints them).
     *
     * @throws IllegalArgumentException naming the option, for an unknown option, a value that is not
     *                                  a whole number ≥ 0 (≥ 1 for counts and lengths) or an
     *                                  {@code --archive-only} without an archive
     */
    public static BenchOptions parse(String[] args, Path home) {
        try {
            return BenchCli.parse(args, home);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public Duration drain() {
        return Duration.ofSeconds(drainSeconds);
    }

    /** The parameters as report rows, in option order. */
    public Map<String, String> asRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("quick", String.valueOf(quick));
        rows.put("archive-only", String.valueOf(archiveOnly));
        rows.put("seed", String.valueOf(seed));
        rows.put("ceiling-records", String.valueOf(ceilingRecords));
        rows.put("rate", rate == 0 ? "half the max-rate phase's delivered stories/s" : rate + " stories/s");
        rows.put("sustained-seconds", sustainedSeconds + " s");
        rows.put("subscribers", String.valueOf(subscribers));
        rows.put("warm-up-stories", String.valueOf(warmUpStories));
        rows.put("concurrency", String.valueOf(concurrency));
        rows.put("max-seconds", maxSeconds + " s");
        rows.put("max-stories", String.valueOf(maxStories));
        rows.put("drain-seconds", drainSeconds + " s");
        rows.put("alone-threads", String.valueOf(aloneThreads));
        rows.put("store-documents", String.valueOf(storeDocuments));
        rows.put("idle-subscribers", String.valueOf(idleSubscribers));
        rows.put("replay-events", String.valueOf(replayEvents));
        rows.put("archive", archive.isEmpty() ? "skipped"
                : archive.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " stories");
        return rows;
    }
}
