package org.newsroom.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./newsroom story FILE}: a plain-text story as the JSON that {@code application/json} takes. */
@Command(name = "story", usageHelpAutoWidth = true, header = "Print a plain-text story as the JSON of application/json.",
        description = { "Prints a plain-text story (headline first) as the JSON that POST /v1/stories",
                "takes as application/json, read as ingest reads text/plain.", "" })
final class StoryCommand implements Callable<Integer> {

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(paramLabel = "FILE", description = "The plain-text story, e.g. samples/pronouns-and-quotes.txt.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(CliFailure.USAGE, "no file " + file + ": give the path of a plain-text story, e.g. "
                    + "samples/partner-story-deepmind-a24.txt");
        }
        try {
            spec.commandLine().getOut().println(PartnerStoryFile.toJson(file, Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(CliFailure.USAGE, e.getMessage() + ": the first line is the headline, the body follows");
        }
        return 0;
    }
}
