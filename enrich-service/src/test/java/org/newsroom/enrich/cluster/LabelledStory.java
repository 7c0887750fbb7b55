package org.newsroom.enrich.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * One story of the labelled clustering set ({@code src/test/resources/clusters/stories.jsonl}).
 *
 * @param cluster the gold event label: stories with the same label report the same event
 */
record LabelledStory(String uri, String partner, Instant firstCreated, String headline, String body, String cluster) {

    static final String RESOURCE = "/clusters/stories.jsonl";

    /** The set in first-created order, as the clusterer sees it. */
    static List<LabelledStory> load() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = Objects.requireNonNull(LabelledStory.class.getResourceAsStream(RESOURCE), RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank())
                    .map(line -> json.readValue(line, LabelledStory.class))
                    .sorted(Comparator.comparing(LabelledStory::firstCreated).thenComparing(LabelledStory::uri))
                    .toList();
        }
    }

    ArticleEvent event() {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "label-" + uri, ArticleAction.PUBLISHED, uri, 1, headline,
                body, partner, partner, "en", firstCreated, firstCreated, List.of());
    }
}
