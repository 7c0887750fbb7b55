package org.newsroom.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./newsroom push FILE}: sends a story file to the running ingest-service signed as the local
 * partner, exactly as the README's curl line does, and prints ingest's answer as curl would.
 */
@Command(name = "push", usageHelpAutoWidth = true, header = "Push a story file to the running newsroom, signed, as curl would.",
        description = { "Signs FILE as the local partner and posts it to the running ingest-service,",
                "with the Content-Type its name says: .txt (plain text, sent with the uri",
                "urn:newsroom:sample:<file name>), .json, .ninjs.json, .ndjson, .xml (RSS/Atom).",
                "Prints ingest's answer as curl would; exits 0 if ingest took the story.", "" })
final class PushCommand implements Callable<Integer> {

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(paramLabel = "FILE", description = "The story file, e.g. samples/json-story.json")
    Path file;

    @Option(names = "--ingest-port", paramLabel = "N", defaultValue = "8081", converter = PortNumber.class,
            description = "The port of the running ingest-service (default: ${DEFAULT-VALUE}).")
    int ingestPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StoryFile story = StoryFile.read(file);
        URI ingest = URI.create("http://127.0.0.1:" + ingestPort);
        StoryPush.Answer answer;
        try {
            answer = StoryPush.push(ingest, PartnerCredentials.LOCAL, story);
        } catch (IOException e) {
            throw new CliFailure(CliFailure.UNAVAILABLE, "ingest-service is not running at " + ingest
                    + ": start the newsroom with ./newsroom first (or give its port with --ingest-port=N)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(answer.body());
        out.flush();
        if (!answer.accepted()) {
            spec.commandLine().getErr().println("newsroom: ingest-service refused " + file + " with HTTP "
                    + answer.status() + ": the answer above names what to fix");
            return 1;
        }
        return 0;
    }
}
