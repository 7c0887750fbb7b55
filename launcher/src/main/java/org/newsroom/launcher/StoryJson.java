package org.newsroom.launcher;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of {@code POST /v1/stories} as a partner sends it, written by Jackson so that no
 * hand-made escaping can disagree with what ingest reads. Absent optional members are left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StoryJson(String uri, String headline, String body, String source, Instant firstCreated,
        @Nullable String language, List<String> relatedHints) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public StoryJson {
        relatedHints = List.copyOf(relatedHints);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }
}
