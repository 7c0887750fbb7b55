package org.newsroom.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.newsroom.launcher.ServiceJars;

/**
 * {@code java -jar bench/target/newsroom-bench-<version>-exec.jar}: starts its own newsroom, measures
 * raw Kafka and then the pipeline on it, and writes {@code bench/target/bench-report.md}.
 *
 * <p>Every phase is bounded in count and time and the whole run by {@code --limit-minutes}; the
 * stack (and with it every child JVM) is stopped however the run ends.
 */
public final class BenchMain {

    private static final long PUBLISH_MAX_HEAP = 512L << 20;

    private BenchMain() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("newsroom.home", "")).toAbsolutePath().normalize();
        System.exit(BenchCli.execute(args, home, BenchMain::bench,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    private static int bench(BenchOptions options) throws IOException {
        startWatchdog(options.limitMinutes());
        Path dir = BenchStack.prepareFolder();
        return run(options, dir);
    }

    private static int run(BenchOptions options, Path dir) throws IOException {
        Path target = options.home().resolve("bench").resolve("target");
        Files.createDirectories(target);
        Instant began = Instant.now();
        Map<String, String> machine = Environment.machine();
        List<String> problems = new ArrayList<>();
        int publishConnections = options.idleSubscribers() + options.subscribers() + 100;
        try (BenchStack stack = BenchStack.start(dir, options.home(), target.resolve("bench-logs"),
                Duration.ofSeconds(options.startupSeconds()), publishConnections)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newCachedThreadPool(daemon()))
                    .build();
            String runId = Long.toString(began.toEpochMilli(), 36);
            Phases phases = new Phases(problems);
            KafkaCeiling ceiling = new KafkaCeiling(stack.bootstrapServers(), ceilingStories(options, runId));
            PipelinePhases pipeline = options.archiveOnly() ? PipelinePhases.NONE
                    : pipeline(options, stack, http, ceiling, runId);
            boolean others = !options.archiveOnly();
            EnrichAloneBench.Result alone = !others || options.aloneThreads() == 0 || pipeline.measured().isEmpty() ? null
                    : phases.attempt("Enrichment alone", () -> {
                        BenchStack.say("Enrichment alone: " + pipeline.measured().size() + " stories, archive of "
                                + (pipeline.archived().size() + pipeline.measured().size()) + ", "
                                + options.aloneThreads() + " thread(s)");
                        return EnrichAloneBench.run(stack.jar(ServiceJars.ENRICH), BenchStack.jvmArgs(ServiceJars.ENRICH),
                                stack.folder(), pipeline.archived(), pipeline.warmUp(), pipeline.measured(),
                                options.aloneThreads(), Duration.ofMinutes(15));
                    });
            StoreCeiling.Result store = !others || options.storeDocuments() == 0 ? null : phases.attempt("Store raw inserts", () -> {
                BenchStack.say("Store: " + options.storeDocuments() + " raw inserts, batched and one by one");
                return StoreCeiling.run(stack.mongoUri(), generator(options, runId, "store", 5), options.storeDocuments(),
                        Duration.ofMinutes(5));
            });
            IdleSubscribersBench.Result idle = !others || options.idleSubscribers() == 0 ? null : phases.attempt("Idle subscribers", () -> {
                BenchStack.say("Idle subscribers: " + options.idleSubscribers());
                return IdleSubscribersBench.run(http, stack.publish().baseUri(), stack.publish().pid(),
                        options.idleSubscribers(), PUBLISH_MAX_HEAP);
            });
            ResumeReplayBench.Result replay = !others || options.replayEvents() == 0 ? null : phases.attempt("Resume replay", () -> {
                BenchStack.say("Resume replay: " + options.replayEvents() + " missed events");
                ResumeReplayBench.Result result = ResumeReplayBench.run(http, stack.publish().baseUri(),
                        ceiling.producerProperties(), generator(options, runId, "replay", 3), options.replayEvents(),
                        Duration.ofMinutes(options.quick() ? 3 : 10));
                if (result.note() != null) {
                    problems.add("Resume replay: " + result.note());
                }
                return result;
            });
            Map<String, Path> jars = new LinkedHashMap<>();
            ServiceJars.SERVICES.forEach(service -> jars.put(service, stack.jar(service)));
            Map<String, String> versions = Environment.versions(jars);
            List<ArchiveBench.Point> archive = options.archive().isEmpty() ? List.of() : phases.attempt("Archive restarts",
                    () -> new ArchiveBench(stack, http, ceiling.producerProperties(), generator(options, runId, "archive", 6),
                            Duration.ofSeconds(options.restartSeconds())).run(options.archive()));
            BenchResults results = new BenchResults(pipeline.ceilingMax(), pipeline.ceilingAtRate(), pipeline.maxRate(),
                    pipeline.sustained(), pipeline.rate(), alone, store, idle, replay, archive == null ? List.of() : archive);
            BenchReport report = new BenchReport("newsroom bench report, " + began, notes(began, machine),
                    machine, versions, parameters(options), results, problems);
            String markdown = report.render();
            Path file = target.resolve("bench-report.md");
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
            Path jsonFile = target.resolve("bench-report.json");
            Map<String, @Nullable Object> json = BenchJson.of(results, options);
            BenchJson.write(jsonFile, json);
            System.out.println();
            System.out.println(markdown);
            System.out.println(BenchJson.render(json));
            BenchStack.say("Report written to " + file + " and " + jsonFile + "; service logs in " + target.resolve("bench-logs"));
            return 0;
        } catch (RuntimeException e) {
            System.err.println("[bench] failed: " + e.getMessage());
            e.printStackTrace();
            return 1;
        }
    }

    /**
     * What the pipeline phases measured, and which stories they pushed: the warm-up's, those the
     * archive held before the max-rate phase, and the max-rate phase's own.
     */
    private record PipelinePhases(KafkaCeiling.@Nullable Result ceilingMax, KafkaCeiling.@Nullable Result ceilingAtRate,
                                  @Nullable PipelineResult maxRate, @Nullable PipelineResult sustained, double rate,
                                  List<Story> warmUp, List<Story> archived, List<Story> measured) {

        static final PipelinePhases NONE = new PipelinePhases(null, null, null, null, Double.NaN, List.of(), List.of(),
                List.of());
    }

    /** Raw Kafka, then the pipeline: warm-up, max rate, and half of that rate sustained, each against Kafka. */
    private static PipelinePhases pipeline(BenchOptions options, BenchStack stack, HttpClient http, KafkaCeiling ceiling,
                                           String runId) {
        BenchStack.say("Ceiling: " + options.ceilingRecords() + " records at max rate");
        KafkaCeiling.Result ceilingMax = ceiling.maxRate("bench.ceiling.max", options.ceilingRecords(), Duration.ofMinutes(3));
        BenchStack.say("  " + Figures.perSecond(ceilingMax.recordsPerSecond()));
        try (PipelineBench bench = new PipelineBench(http, stack.ingest().baseUri(), stack.publish().baseUri(),
                ceiling.consumerProperties(), options.subscribers(), () -> ProcessCpu.read(stack.pids()))) {
            if (options.warmUpStories() > 0) {
                BenchStack.say("Pipeline, warm-up: " + options.warmUpStories() + " stories, not measured");
                bench.maxRate(generator(options, runId, "warm-up", 4), options.concurrency(), options.maxSeconds() * 4,
                        options.warmUpStories(), options.drain());
            }
            List<Story> warmUp = bench.acceptedStories();
            BenchStack.say("Pipeline, max rate: " + options.concurrency() + " pushers for " + options.maxSeconds() + " s");
            PipelineResult maxRate = bench.maxRate(generator(options, runId, "max", 2), options.concurrency(),
                    options.maxSeconds(), options.maxStories(), options.drain());
            List<Story> all = bench.acceptedStories();
            double rate = options.rate() > 0 ? options.rate() : halfOf(maxRate.deliveredPerSecond());
            int atRateRecords = (int) Math.max(1, Math.round(rate * options.sustainedSeconds()));
            BenchStack.say(String.format(Locale.ROOT, "Ceiling: %d records at %.1f/s", atRateRecords, rate));
            KafkaCeiling.Result ceilingAtRate = ceiling.fixedRate("bench.ceiling.rate", atRateRecords, rate,
                    Duration.ofSeconds(options.sustainedSeconds() + 60L));
            BenchStack.say(String.format(Locale.ROOT, "Pipeline, sustained: %.1f stories/s for %d s, %d subscribers",
                    rate, options.sustainedSeconds(), options.subscribers()));
            PipelineResult sustained = bench.sustained(generator(options, runId, "sustained", 1), rate,
                    options.sustainedSeconds(), options.drain());
            return new PipelinePhases(ceilingMax, ceilingAtRate, maxRate, sustained, rate, warmUp,
                    all.subList(0, warmUp.size()), all.subList(warmUp.size(), all.size()));
        }
    }

    /** Half the max-rate phase's delivered rate, at least one story every two seconds. */
    static double halfOf(double maxDelivered) {
        return Double.isNaN(maxDelivered) ? 1 : Math.max(0.5, maxDelivered / 2);
    }

    /** Runs the phases after the pipeline: one that fails is named among the problems and the run goes on. */
    private record Phases(List<String> problems) {

        <T> @Nullable T attempt(String name, Supplier<T> phase) {
            try {
                return phase.get();
            } catch (RuntimeException e) {
                BenchStack.say(name + " not measured: " + e);
                problems.add(name + " not measured: " + e.getMessage());
                return null;
            }
        }
    }

    private static List<String> notes(Instant began, Map<String, String> machine) {
        List<String> notes = new ArrayList<>(List.of(
                "Run started " + began + " and took " + Duration.between(began, Instant.now()).toSeconds() + " s.",
                "Everything ran on this one machine (" + machine.get("cores (available to the JVM)")
                        + " cores): the bench in one JVM, the broker and the store in a second, the three services in three more. "
                        + "Absolute numbers depend on what else runs; compare the ratios to the ceiling.",
                "Services: the launcher's heaps (ingest 512 MB, enrich 1 GB, publish 512 MB), the JDK's default GC and JIT."));
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        if (load > cores / 2.0) {
            notes.add(String.format(Locale.ROOT, "Other work shared the machine: the load average was %.2f on %d cores "
                    + "when the run started, so the absolute figures are low; the ratios are what compare.", load, cores));
        }
        return notes;
    }

    private static Map<String, String> parameters(BenchOptions options) {
        Map<String, String> rows = new LinkedHashMap<>(options.asRows());
        rows.put("story length", StoryGenerator.MIN_WORDS + "–" + StoryGenerator.MAX_WORDS + " words, generated from templates");
        return rows;
    }

    private static StoryGenerator generator(BenchOptions options, String runId, String phase, int salt) {
        return new StoryGenerator(options.seed() * 31 + salt, "urn:newsroom:bench:" + runId + ":" + phase + ":");
    }

    /** 500 distinct stories, cycled: the ceiling's records carry the same kind of JSON as the pushes. */
    private static List<Story> ceilingStories(BenchOptions options, String runId) {
        StoryGenerator generator = generator(options, runId, "ceiling", 0);
        List<Story> stories = new ArrayList<>();
        for (int n = 0; n < Math.min(500, options.ceilingRecords()); n++) {
            stories.add(generator.story(n));
        }
        return stories;
    }

    /** Ends the JVM (and so, through the shutdown hooks, every child) if the run overstays its limit. */
    private static void startWatchdog(int limitMinutes) {
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.MINUTES.sleep(limitMinutes);
                System.err.println(String.format(Locale.ROOT, "[bench] stopped after the --limit-minutes=%d", limitMinutes));
                System.exit(3);
            } catch (InterruptedException ignored) {
                // the run ended first
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "bench-http");
            thread.setDaemon(true);
            return thread;
        };
    }
}
