package org.newsroom.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The bench's command line. The defaults are the sizes; {@code --quick} swaps in the small
 * ones ({@link #QUICK}) for the options not given, so {@code --quick --replay-events=2000} keeps its
 * 2000. Whatever is wrong on the line is one message naming the option, followed by the usage.
 */
@Command(name = "java -jar bench/target/newsroom-bench-<version>-exec.jar", sortOptions = false,
        usageHelpWidth = 120,
        description = "Starts its own newsroom, measures raw Kafka and then the pipeline on it, and writes bench/target/bench-report.md.",
        footer = "Run it from the repository root (or pass -Dnewsroom.home=DIR); it needs the services' exec jars.")
final class BenchCli implements Callable<Integer> {

    /** Exit code of a mistake on the command line. */
    static final int USAGE = 2;

    /** The small run: every phase, a few minutes. */
    private static final Map<String, Integer> QUICK = Map.ofEntries(
            Map.entry("ceiling-records", 1000), Map.entry("sustained-seconds", 15), Map.entry("warm-up-stories", 8),
            Map.entry("concurrency", 4), Map.entry("max-seconds", 20), Map.entry("max-stories", 60),
            Map.entry("drain-seconds", 60), Map.entry("store-documents", 1000), Map.entry("idle-subscribers", 2000),
            Map.entry("replay-events", 500), Map.entry("restart-seconds", 120), Map.entry("limit-minutes", 25));
    private static final List<Integer> QUICK_ARCHIVE = List.of(1000);

    /** What the bench does with the options read; never called for {@code --help} or a mistake. */
    @FunctionalInterface
    interface Bench {
        int run(BenchOptions options) throws Exception;
    }

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--quick", description = "A small version of every phase (about 6 minutes, --archive=1000); options given still apply.")
    boolean quick;

    @Option(names = "--archive-only", description = "Only the restart phase of --archive (default: every phase).")
    boolean archiveOnly;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Story generator seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--ceiling-records", paramLabel = "N", defaultValue = "5000", converter = AtLeastOne.class,
            description = "Raw Kafka records at max rate (default: ${DEFAULT-VALUE}).")
    int ceilingRecords;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "Stories/s of the sustained phase, 0: half the max-rate phase's delivered rate (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--sustained-seconds", paramLabel = "N", defaultValue = "30", converter = AtLeastOne.class,
            description = "Length of the sustained phase (default: ${DEFAULT-VALUE}).")
    int sustainedSeconds;

    @Option(names = "--subscribers", paramLabel = "N", defaultValue = "50", converter = AtLeastOne.class,
            description = "Live SSE subscribers (default: ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(names = "--warm-up-stories", paramLabel = "N", defaultValue = "30",
            description = "Pushed before the max-rate phase, not measured (default: ${DEFAULT-VALUE}).")
    int warmUpStories;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", converter = AtLeastOne.class,
            description = "Closed-loop pushers of the max-rate phase (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-seconds", paramLabel = "N", defaultValue = "30", converter = AtLeastOne.class,
            description = "Length of the max-rate phase (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Option(names = "--max-stories", paramLabel = "N", defaultValue = "1000", converter = AtLeastOne.class,
            description = "Stories of the max-rate phase at most (default: ${DEFAULT-VALUE}).")
    int maxStories;

    @Option(names = "--drain-seconds", paramLabel = "N", defaultValue = "180", converter = AtLeastOne.class,
            description = "Wait for deliveries after each phase (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--alone-threads", paramLabel = "N", defaultValue = "1",
            description = "Threads of enrichment alone, 0 skips it (default: ${DEFAULT-VALUE}).")
    int aloneThreads;

    @Option(names = "--store-documents", paramLabel = "N", defaultValue = "10000",
            description = "Documents of the store's raw inserts, 0 skips them (default: ${DEFAULT-VALUE}).")
    int storeDocuments;

    @Option(names = "--idle-subscribers", paramLabel = "N", defaultValue = "20000",
            description = "Idle SSE connections, 0 skips, capped by the open-files limit (default: ${DEFAULT-VALUE}).")
    int idleSubscribers;

    @Option(names = "--replay-events", paramLabel = "N", defaultValue = "10000",
            description = "Missed events replayed on resume, 0 skips (default: ${DEFAULT-VALUE}).")
    int replayEvents;

    /** Null when not given: {@code --quick} then has its own. */
    @Option(names = "--archive", paramLabel = "N", split = ",", converter = AtLeastOne.class,
            description = "Archived stories for the restart phase, e.g. 10000,100000 (default: skipped).")
    @Nullable List<Integer> archive;

    @Option(names = "--restart-seconds", paramLabel = "N", defaultValue = "900", converter = AtLeastOne.class,
            description = "Per restarted service, to ready and settled (default: ${DEFAULT-VALUE}).")
    int restartSeconds;

    @Option(names = "--startup-seconds", paramLabel = "N", defaultValue = "300", converter = AtLeastOne.class,
            description = "Per service (default: ${DEFAULT-VALUE}).")
    int startupSeconds;

    @Option(names = "--limit-minutes", paramLabel = "N", defaultValue = "60", converter = AtLeastOne.class,
            description = "Hard stop of the whole run (default: ${DEFAULT-VALUE}).")
    int limitMinutes;

    @Spec
    @Nullable CommandSpec spec;

    private final Path home;
    private final Bench bench;

    private BenchCli(Path home, Bench bench) {
        this.home = home;
        this.bench = bench;
    }

    /** Reads {@code args} and runs {@code bench} with them; returns the exit code. */
    static int execute(String[] args, Path home, Bench bench, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(home, bench);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((mistake, given) -> {
            mistake.getCommandLine().getErr().println(String.valueOf(mistake.getMessage()).strip());
            mistake.getCommandLine().usage(mistake.getCommandLine().getErr());
            return USAGE;
        });
        return cli.execute(args);
    }

    /**
     * The options of {@code args}, without running anything.
     *
     * @throws ParameterException naming the option for an unknown option, a bad number or an
     *                            {@code --archive-only} without an archive
     */
    static BenchOptions parse(String[] args, Path home) {
        CommandLine cli = commandLine(home, options -> {
            throw new IllegalStateException("only parsed");
        });
        cli.parseArgs(args);
        return cli.<BenchCli>getCommand().options();
    }

    /** The usage, as {@code --help} prints it. */
    static String usage() {
        return commandLine(Path.of(""), options -> USAGE).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static CommandLine commandLine(Path home, Bench bench) {
        // Every number may be written with '_' (100_000) and none may be negative.
        return new CommandLine(new BenchCli(home, bench)).registerConverter(Integer.class, new WholeNumber())
                .registerConverter(int.class, new WholeNumber());
    }

    @Override
    public Integer call() throws Exception {
        return bench.run(options());
    }

    private BenchOptions options() {
        List<Integer> sizes = archive != null ? archive.stream().sorted().distinct().toList() : quick ? QUICK_ARCHIVE : List.of();
        if (archiveOnly && sizes.isEmpty()) {
            throw new ParameterException(commandSpec().commandLine(), "--archive-only needs --archive=N");
        }
        return new BenchOptions(home, quick, archiveOnly, seed, quickUnlessGiven("ceiling-records", ceilingRecords), rate,
                quickUnlessGiven("sustained-seconds", sustainedSeconds), subscribers,
                quickUnlessGiven("warm-up-stories", warmUpStories), quickUnlessGiven("concurrency", concurrency),
                quickUnlessGiven("max-seconds", maxSeconds), quickUnlessGiven("max-stories", maxStories),
                quickUnlessGiven("drain-seconds", drainSeconds), aloneThreads,
                quickUnlessGiven("store-documents", storeDocuments), quickUnlessGiven("idle-subscribers", idleSubscribers),
                quickUnlessGiven("replay-events", replayEvents), sizes, quickUnlessGiven("restart-seconds", restartSeconds),
                startupSeconds, quickUnlessGiven("limit-minutes", limitMinutes));
    }

    private int quickUnlessGiven(String name, int value) {
        if (!QUICK.containsKey(name)) {
            throw new IllegalArgumentException("--quick has no size for --" + name);
        }
        boolean given = commandSpec().commandLine().getParseResult().hasMatchedOption("--" + name);
        return quick && !given ? QUICK.get(name) : value;
    }

    private CommandSpec commandSpec() {
        if (spec == null) {
            throw new IllegalStateException("picocli injects the spec");
        }
        return spec;
    }

    /** A whole number ≥ 0, with '_' allowed between digits. */
    static class WholeNumber implements ITypeConverter<Integer> {

        @Override
        public Integer convert(String value) {
            try {
                int number = Integer.parseInt(value.strip().replace("_", ""));
                if (number < 0) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number ≥ 0");
            }
        }
    }

    /** A whole number ≥ 1: a count or a length that 0 would make meaningless. */
    static final class AtLeastOne extends WholeNumber {

        @Override
        public Integer convert(String value) {
            int number = super.convert(value);
            if (number == 0) {
                throw new TypeConversionException("must be at least 1, not '" + value + "'");
            }
            return number;
        }
    }
}
