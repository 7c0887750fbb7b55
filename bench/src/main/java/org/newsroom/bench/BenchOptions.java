package org.newsroom.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    public static final String USAGE = """
            Usage: java -jar bench/target/newsroom-bench-<version>-exec.jar [--quick] [--option=N ...]
              --quick                  a small version of every phase (about 6 minutes); options given still apply
              --archive-only           only the restart phase of --archive (default: every phase)
              --seed=N                 story generator seed                               (default 42)
              --ceiling-records=N      raw Kafka records at max rate                      (default 5000)
              --rate=N                 stories/s of the sustained phase, 0: half the max  (default 0)
              --sustained-seconds=N    length of the sustained phase                      (default 30)
              --subscribers=N          live SSE subscribers                               (default 50)
              --warm-up-stories=N      pushed before the max-rate phase, not measured     (default 30)
              --concurrency=N          closed-loop pushers of the max-rate phase          (default 8)
              --max-seconds=N          length of the max-rate phase                       (default 30)
              --max-stories=N          stories of the max-rate phase at most              (default 1000)
              --drain-seconds=N        wait for deliveries after each phase               (default 180)
              --alone-threads=N        threads of enrichment alone, 0 skips it            (default 1)
              --store-documents=N      documents of the store's raw inserts, 0 skips them (default 10000)
              --idle-subscribers=N     idle SSE connections, 0 skips (capped by the open-files limit) (default 20000)
              --replay-events=N        missed events replayed on resume, 0 skips          (default 10000)
              --archive=N[,N...]       archived stories for the restart phase, e.g. 10000,100000 (default: skipped)
              --restart-seconds=N      per restarted service, to ready and settled        (default 900)
              --startup-seconds=N      per service                                        (default 300)
              --limit-minutes=N        hard stop of the whole run                         (default 60)
            Run it from the repository root (or pass -Dnewsroom.home=DIR); it needs the services' exec jars.""";

    private static final String ARCHIVE = "archive";
    private static final Map<String, Integer> DEFAULTS = defaults();
    /** The small run: every phase, a few minutes. */
    private static final Map<String, Integer> QUICK = Map.ofEntries(
            Map.entry("ceiling-records", 1000), Map.entry("sustained-seconds", 15), Map.entry("warm-up-stories", 8),
            Map.entry("concurrency", 4), Map.entry("max-seconds", 20), Map.entry("max-stories", 60),
            Map.entry("drain-seconds", 60), Map.entry("store-documents", 1000), Map.entry("idle-subscribers", 2000),
            Map.entry("replay-events", 500), Map.entry("restart-seconds", 120), Map.entry("limit-minutes", 25));
    private static final List<Integer> QUICK_ARCHIVE = List.of(1000);

    private static Map<String, Integer> defaults() {
        Map<String, Integer> defaults = new LinkedHashMap<>();
        defaults.put("seed", 42);
        defaults.put("ceiling-records", 5000);
        defaults.put("rate", 0);
        defaults.put("sustained-seconds", 30);
        defaults.put("subscribers", 50);
        defaults.put("warm-up-stories", 30);
        defaults.put("concurrency", 8);
        defaults.put("max-seconds", 30);
        defaults.put("max-stories", 1000);
        defaults.put("drain-seconds", 180);
        defaults.put("alone-threads", 1);
        defaults.put("store-documents", 10000);
        defaults.put("idle-subscribers", 20000);
        defaults.put("replay-events", 10000);
        defaults.put("restart-seconds", 900);
        defaults.put("startup-seconds", 300);
        defaults.put("limit-minutes", 60);
        return defaults;
    }

    /** @throws IllegalArgumentException for an unknown option or a value that is not a number ≥ 0 */
    public static BenchOptions parse(String[] args, Path home) {
        boolean quick = List.of(args).contains("--quick");
        boolean archiveOnly = List.of(args).contains("--archive-only");
        Map<String, Integer> values = new LinkedHashMap<>(DEFAULTS);
        if (quick) {
            values.putAll(QUICK);
        }
        List<Integer> archive = quick ? QUICK_ARCHIVE : List.of();
        for (String arg : args) {
            if (arg.equals("--quick") || arg.equals("--archive-only")) {
                continue;
            }
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : arg;
            String value = equals < 0 ? "" : arg.substring(equals + 1).trim();
            if (name.equals(ARCHIVE)) {
                archive = archiveSizes(value);
                continue;
            }
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("Unknown option " + arg);
            }
            values.put(name, wholeNumber(name, value));
        }
        for (String positive : new String[] {"ceiling-records", "sustained-seconds", "subscribers", "concurrency",
                "max-seconds", "max-stories", "drain-seconds", "restart-seconds", "startup-seconds", "limit-minutes"}) {
            if (values.get(positive) == 0) {
                throw new IllegalArgumentException("--" + positive + " must be at least 1");
            }
        }
        if (archiveOnly && archive.isEmpty()) {
            throw new IllegalArgumentException("--archive-only needs --archive=N");
        }
        return new BenchOptions(home, quick, archiveOnly, values.get("seed"), values.get("ceiling-records"), values.get("rate"),
                values.get("sustained-seconds"), values.get("subscribers"), values.get("warm-up-stories"),
                values.get("concurrency"), values.get("max-seconds"), values.get("max-stories"),
                values.get("drain-seconds"), values.get("alone-threads"), values.get("store-documents"),
                values.get("idle-subscribers"), values.get("replay-events"), archive, values.get("restart-seconds"),
                values.get("startup-seconds"), values.get("limit-minutes"));
    }

    private static List<Integer> archiveSizes(String value) {
        List<Integer> sizes = new ArrayList<>();
        for (String size : value.split(",")) {
            int n = wholeNumber(ARCHIVE, size.trim());
            if (n == 0) {
                throw new IllegalArgumentException("--archive sizes must be at least 1, not '" + value + "'");
            }
            sizes.add(n);
        }
        return sizes.stream().sorted().distinct().toList();
    }

    private static int wholeNumber(String name, String value) {
        try {
            int number = Integer.parseInt(value.replace("_", ""));
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number ≥ 0, not '" + value + "'");
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
