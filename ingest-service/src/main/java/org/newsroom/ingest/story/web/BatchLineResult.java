package org.newsroom.ingest.story.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.newsroom.ingest.story.StoryAccepted;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one line of an NDJSON batch, or of one item of an RSS / Atom feed: either what a
 * single accepted story would have been answered, or the problem a single rejected story would
 * have been answered.
 *
 * @param line the 1-based line number in the request body, blank lines counted; for a feed, the
 *        item's 1-based position among its items
 * @param status the HTTP status the story would have got on its own
 * @param messageId the id of the written event, when accepted
 * @param articleId the public article id, when accepted
 * @param uri the story's uri as stored, when accepted
 * @param version the story's version as stored, when accepted
 * @param embargoedUntil when a story accepted under embargo will be published
 * @param problem the RFC 7807 members (type, title, status, detail, errors), when rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchLineResult(int line, int status, @Nullable String messageId, @Nullable String articleId,
        @Nullable String uri, @Nullable Long version, @Nullable Instant embargoedUntil,
        @Nullable Map<String, Object> problem) {

    static BatchLineResult accepted(int line, int status, StoryAccepted accepted) {
        return new BatchLineResult(line, status, accepted.messageId(), accepted.articleId(), accepted.uri(),
                accepted.version(), accepted.embargoedUntil(), null);
    }

    static BatchLineResult rejected(int line, ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", Objects.toString(problem.getType(), "about:blank"));
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return new BatchLineResult(line, problem.getStatus(), null, null, null, null, null, members);
    }
}
