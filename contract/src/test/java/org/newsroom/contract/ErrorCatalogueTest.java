package org.newsroom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/ERRORS.md documents exactly the problem types the services use, with their status and title. */
class ErrorCatalogueTest {

    private static final Pattern ENTRY = Pattern.compile("^### `(" + Pattern.quote(ProblemType.BASE)
            + "[a-z-]+)`\\n- \\*\\*title\\*\\*: ([^·]+) · \\*\\*status\\*\\*: (\\d{3})", Pattern.MULTILINE);

    @Test
    void everyProblemTypeIsDocumentedWithItsTitleAndStatusAndNothingElseIs() throws Exception {
        String catalogue = Files.readString(Path.of("..", "docs", "ERRORS.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(catalogue);
        while (entry.find()) {
            documented.put(entry.group(1), entry.group(3) + " " + entry.group(2).strip());
        }

        Map<String, String> used = new LinkedHashMap<>();
        Arrays.stream(ProblemType.values()).forEach(type -> used.put(type.uri().toString(),
                type.status() + " " + type.title()));
        assertThat(documented).containsExactlyInAnyOrderEntriesOf(used);
        assertThat(Pattern.compile(Pattern.quote(ProblemType.BASE) + "[a-z-]+").matcher(catalogue).results()
                .map(match -> match.group()).distinct()).allSatisfy(uri -> assertThat(used).containsKey(uri));
    }
}
