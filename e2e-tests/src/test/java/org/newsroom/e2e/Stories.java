package org.newsroom.e2e;

import java.util.List;
import java.util.stream.IntStream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small, distinct partner stories for tests that push many: short bodies keep enrichment quick on
 * a shared two-core machine, and each uri names its test run, so a test only ever counts its own.
 */
final class Stories {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Stories() {
    }

    /** The uri of story {@code n} of a run, e.g. {@code urn:newsroom:e2e:broker-restart:7}. */
    static String uri(String run, int n) {
        return prefix(run) + n;
    }

    /** What every uri of the run, and no other run's, starts with. */
    static String prefix(String run) {
        return "urn:newsroom:e2e:" + run + ":";
    }

    /** The uris of stories 1 to {@code count} of a run. */
    static List<String> uris(String run, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> uri(run, n)).toList();
    }

    /** The JSON that {@code POST /v1/stories} takes for a story with this uri. */
    static String json(String uri) {
        return json(uri, "Storm closes the port of Hamburg",
                "Hapag-Lloyd said on Monday that the port of Hamburg stays closed while the storm lasts. "
                        + "This is story " + uri + ".");
    }

    /** The JSON that {@code POST /v1/stories} takes for a story with this uri, headline and body. */
    static String json(String uri, String headline, String body) {
        ObjectNode story = JSON.createObjectNode()
                .put("uri", uri)
                .put("headline", headline)
                .put("body", body)
                .put("source", "Newsroom end-to-end tests")
                .put("firstCreated", "2026-11-24T08:00:00Z");
        return JSON.writeValueAsString(story);
    }
}
