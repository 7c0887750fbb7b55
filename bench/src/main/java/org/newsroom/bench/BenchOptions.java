package org.newsroom.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one bench run does. Every loop the bench runs is bounded by one of these counts and by a
 * time limit, so a run always ends by itself.
 *
 * @param home              the repository checkout holding the services' exec jars
 * @param seed              story generator seed
 * @param ceilingRecords    records of the raw Kafka max-rate run
 * @param rate              stories per second of the sustained phase (also the rate-matched ceiling)
 * @param sustainedSeconds  length of the sustained phase
 * @param subscribers       live SSE subscribers during the pipeline phases
 * @param concurrency       closed-loop pushers of the max-rate phase
 * @param maxSeconds        length of the max-rate phase
 * @param maxStories        stories the max-rate phase pushes at most
 * @param drainSeconds      how long a phase waits for its stories to reach the subscribers
 * @param idleSubscribers   idle SSE connections opened for the heap figure (0 skips it)
 * @param replayEvents      missed events replayed on resume (0 skips it)
 * @param startupSeconds    how long each service may take to report UP
 * @param limitMinutes      the whole run is stopped (and the stack cleaned up) after this long
 */
public record BenchOptions(Path home, long seed, int ceilingRecords, int rate, int sustainedSeconds, int subscribers,
                           int concurrency, int maxSeconds, int maxStories, int drainSeconds, int idleSubscribers,
                           int replayEvents, int startupSeconds, int limitMinutes) {

    public static final String USAGE = """
            Usage: java -jar bench/target/newsroom-bench-<version>-exec.jar [--option=N ...]
              --seed=N               story generator seed                         (default 42)
              --ceiling-records=N    raw Kafka records at max rate                (default 5000)
              --rate=N               stories/s of the sustained phase             (default 5)
              --sustained-seconds=N  length of the sustained phase                (default 30)
              --subscribers=N        live SSE subscribers                         (default 4)
              --concurrency=N        closed-loop pushers of the max-rate phase    (default 8)
              --max-seconds=N        length of the max-rate phase                 (default 30)
              --max-stories=N        stories of the max-rate phase at most        (default 1000)
              --drain-seconds=N      wait for deliveries after each phase         (default 180)
              --idle-subscribers=N   idle SSE connections for the heap figure, 0 skips (default 2000)
              --replay-events=N      missed events replayed on resume, 0 skips    (default 10000)
              --startup-seconds=N    per service                                  (default 300)
              --limit-minutes=N      hard stop of the whole run                   (default 30)
            Run it from the repository root (or pass -Dnewsroom.home=DIR); it needs the services' exec jars.""";

    private static final Map<String, Integer> DEFAULTS = defaults();

    private static Map<String, Integer> defaults() {
        Map<String, Integer> defaults = new LinkedHashMap<>();
        defaults.put("seed", 42);
        defaults.put("ceiling-records", 5000);
        defaults.put("rate", 5);
        defaults.put("sustained-seconds", 30);
        defaults.put("subscribers", 4);
        defaults.put("concurrency", 8);
        defaults.put("max-seconds", 30);
        defaults.put("max-stories", 1000);
        defaults.put("drain-seconds", 180);
        defaults.put("idle-subscribers", 2000);
        defaults.put("replay-events", 10000);
        defaults.put("startup-seconds", 300);
        defaults.put("limit-minutes", 30);
        return defaults;
    }

    /** @throws IllegalArgumentException for an unknown option or a value that is not a number ≥ 0 */
    public static BenchOptions parse(String[] args, Path home) {
        Map<String, Integer> values = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : arg;
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("Unknown option " + arg);
            }
            try {
                int value = Integer.parseInt(arg.substring(equals + 1).trim());
                if (value < 0) {
                    throw new NumberFormatException();
                }
                values.put(name, value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " needs a whole number ≥ 0, not '" + arg.substring(equals + 1) + "'");
            }
        }
        for (String positive : new String[] {"ceiling-records", "rate", "sustained-seconds", "subscribers", "concurrency",
                "max-seconds", "max-stories", "drain-seconds", "startup-seconds", "limit-minutes"}) {
            if (values.get(positive) == 0) {
                throw new IllegalArgumentException("--" + positive + " must be at least 1");
            }
        }
        return new BenchOptions(home, values.get("seed"), values.get("ceiling-records"), values.get("rate"),
                values.get("sustained-seconds"), values.get("subscribers"), values.get("concurrency"),
                values.get("max-seconds"), values.get("max-stories"), values.get("drain-seconds"),
                values.get("idle-subscribers"), values.get("replay-events"), values.get("startup-seconds"),
                values.get("limit-minutes"));
    }

    public Duration drain() {
        return Duration.ofSeconds(drainSeconds);
    }

    /** The parameters as report rows, in option order. */
    public Map<String, String> asRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("seed", String.valueOf(seed));
        rows.put("ceiling-records", String.valueOf(ceilingRecords));
        rows.put("rate", rate + " stories/s");
        rows.put("sustained-seconds", sustainedSeconds + " s");
        rows.put("subscribers", String.valueOf(subscribers));
        rows.put("concurrency", String.valueOf(concurrency));
        rows.put("max-seconds", maxSeconds + " s");
        rows.put("max-stories", String.valueOf(maxStories));
        rows.put("drain-seconds", drainSeconds + " s");
        rows.put("idle-subscribers", String.valueOf(idleSubscribers));
        rows.put("replay-events", String.valueOf(replayEvents));
        return rows;
    }
}
