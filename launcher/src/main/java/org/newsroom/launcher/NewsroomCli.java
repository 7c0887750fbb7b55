package org.newsroom.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.newsroom.launcher.LauncherSettings.Port;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ./newsroom}: the options of the local newsroom and its subcommands ({@code push},
 * {@code story}). What it runs is {@link NewsroomLauncher}'s business; this class only reads the
 * command line and makes every mistake on it one line that says what to do, never a stack trace.
 */
@Command(name = "./newsroom", sortOptions = false, usageHelpAutoWidth = true,
        subcommands = { PushCommand.class, StoryCommand.class },
        description = { "Runs the whole newsroom here: Kafka, a Mongo-compatible store and the services.",
                "Ctrl-C stops everything.  Data: .newsroom/   Services' logs: .newsroom/logs/",
                "Options may also be system properties, e.g. -Dnewsroom.kafka-port=19092", "" })
public final class NewsroomCli implements Callable<Integer> {

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--reset", description = "Delete all local data (.newsroom/) before starting.")
    boolean reset;

    @Option(names = "--verbose", description = "Also follow the services' logs in the terminal.")
    boolean verbose;

    /** The old name of the default, kept so that scripts using it keep working. */
    @Option(names = "--quiet", hidden = true)
    boolean quiet;

    @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "240",
            description = "How long each service may take to become healthy (default: ${DEFAULT-VALUE}).")
    int startupTimeoutSeconds;

    /** Holds the port options, which {@link #commandLine} adds from {@link Port}, their one source. */
    @Spec
    CommandSpec spec;

    private final Properties systemProperties;

    NewsroomCli(Properties systemProperties) {
        this.systemProperties = systemProperties;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.getProperties()));
    }

    /** Runs the command line and returns the exit code; everything printed goes to {@code out} and {@code err}. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Properties systemProperties) {
        return commandLine(systemProperties, out, err).execute(args);
    }

    static CommandLine commandLine(Properties systemProperties, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new NewsroomCli(systemProperties));
        for (Port port : Port.values()) {
            cli.getCommandSpec().addOption(OptionSpec.builder("--" + port.option())
                    .paramLabel("N").type(int.class).converters(new PortNumber())
                    .defaultValue(String.valueOf(port.defaultPort()))
                    .description("The " + port.label() + " port (default: ${DEFAULT-VALUE}).")
                    .build());
        }
        cli.setDefaultValueProvider(new SystemPropertyDefaults(systemProperties));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(NewsroomCli::usageMistake);
        cli.setExecutionExceptionHandler((failure, command, parsed) -> {
            if (failure instanceof CliFailure cliFailure) {
                command.getErr().println("newsroom: " + cliFailure.getMessage());
                return cliFailure.exitCode();
            }
            command.getErr().println("newsroom: unexpected failure: " + failure
                    + " (the logs in .newsroom/logs/ may tell more)");
            return CliFailure.UNAVAILABLE;
        });
        return cli;
    }

    /** One line: what was wrong, a suggestion where picocli has one, and where the help is. */
    private static int usageMistake(ParameterException mistake, String[] args) {
        CommandLine command = mistake.getCommandLine();
        StringBuilder line = new StringBuilder("newsroom: ").append(String.valueOf(mistake.getMessage()).strip());
        if (mistake instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append("?)");
        }
        String name = command.getCommandSpec().qualifiedName(" ");
        line.append(". See ").append(name).append(" --help");
        command.getErr().println(line);
        return CliFailure.USAGE;
    }

    @Override
    public Integer call() {
        return new NewsroomLauncher(settings(), new Console(System.out, System.err)).run();
    }

    LauncherSettings settings() {
        Map<Port, Integer> ports = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            ports.put(port, spec.findOption("--" + port.option()).<Integer>getValue());
        }
        Path home = Path.of(systemProperties.getProperty("newsroom.home", "")).toAbsolutePath().normalize();
        return new LauncherSettings(home, ports, Duration.ofSeconds(startupTimeoutSeconds), reset, verbose);
    }
}
