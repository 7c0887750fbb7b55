package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class BenchCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<BenchOptions> ran = new ArrayList<>();

    @Test
    void helpListsEveryOptionOfTheRecordAndRunsNothing() {
        int exitCode = execute("--help");

        // Every component but the home folder is an option, camelCase on the record, --kebab-case here.
        List<String> options = Stream.concat(Stream.of("--help"), Arrays.stream(BenchOptions.class.getRecordComponents())
                .map(component -> component.getName())
                .filter(name -> !name.equals("home"))
                .map(name -> "--" + name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT))).toList();
        assertThat(exitCode).isZero();
        assertThat(ran).isEmpty();
        assertThat(options).hasSize(21).allSatisfy(option -> assertThat(out.toString()).contains(option));
        assertThat(out.toString()).contains("(default: 20000)").isEqualTo(BenchCli.usage().replace("\n", System.lineSeparator()));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aMistakeIsOneLineThenTheUsageAndRunsNothing() {
        int exitCode = execute("--quick", "--max-stories=lots");

        List<String> lines = err.toString().lines().toList();
        assertThat(exitCode).isEqualTo(BenchCli.USAGE);
        assertThat(ran).isEmpty();
        assertThat(lines.get(0)).contains("--max-stories").contains("'lots'");
        assertThat(lines.get(1)).startsWith("Usage:");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingArchiveIsAMistakeToo() {
        assertThat(execute("--archive-only")).isEqualTo(BenchCli.USAGE);
        assertThat(err.toString().lines().findFirst()).hasValue("--archive-only needs --archive=N");
        assertThat(ran).isEmpty();
    }

    @Test
    void goodOptionsRunTheBenchWithThemAndReturnItsExitCode() {
        assertThat(execute("--quick", "--subscribers", "7")).isEqualTo(5);

        assertThat(ran).singleElement().satisfies(options -> {
            assertThat(options.subscribers()).isEqualTo(7);
            assertThat(options.maxStories()).isEqualTo(60);
        });
    }

    private int execute(String... args) {
        return BenchCli.execute(args, Path.of("."), options -> {
            ran.add(options);
            return 5;
        }, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
