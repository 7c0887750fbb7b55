package org.newsroom.ingest.story.web;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ProblemType;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.article.ArticleNotWrittenException;
import org.newsroom.ingest.article.ArticleTooLargeException;
import org.newsroom.ingest.embargo.HoldsExceededException;
import org.newsroom.ingest.ledger.StaleVersionException;
import org.newsroom.ingest.ledger.StoryOwnedElsewhereException;
import org.newsroom.ingest.partner.SourceNotAllowedException;
import org.newsroom.ingest.story.FieldViolation;
import org.newsroom.ingest.story.StoryRejectedException;
import org.newsroom.ingest.story.StoryTooLargeException;
import org.newsroom.ingest.story.StoryUnreadableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns why a story failed into an RFC 7807 problem, in one place for the single-story answers and
 * for the per-line results of a batch. Client mistakes name the offending fields in {@code detail}
 * and list them in {@code errors}.
 */
@Component
public class StoryProblems {

    static final String ERRORS = "errors";

    static final String MISSING_BODY = "Request body is missing";

    private static final Logger log = LoggerFactory.getLogger(StoryProblems.class);

    /** The tag of a field the story does not have: its name is the partner's, of unbounded variety. */
    static final String UNKNOWN_FIELD = "(unknown)";

    static final String NOT_A_FIELD = "is not a field of a story";

    private final IngestProperties properties;

    private final StoryMetrics metrics;

    StoryProblems(IngestProperties properties, StoryMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
    }

    /** What a partner is told to wait before retrying a story the article log did not confirm. */
    long retryAfterSeconds() {
        return Math.max(1, properties.retryAfter().toSeconds());
    }

    /**
     * The problem for any failure of one story; an unexpected failure is a 500 that says nothing
     * internal. Each field at fault is counted, so operators see which rule partners break.
     */
    ProblemDetail describe(Throwable failure) {
        ProblemDetail problem = problemFor(failure);
        if (problem.getProperties() != null && problem.getProperties().get(ERRORS) instanceof List<?> violations) {
            violations.forEach(violation -> {
                if (violation instanceof FieldViolation field) {
                    metrics.fieldRefused(NOT_A_FIELD.equals(field.message()) ? UNKNOWN_FIELD : field.field());
                }
            });
        }
        return problem;
    }

    private ProblemDetail problemFor(Throwable failure) {
        if (failure instanceof SourceNotAllowedException) {
            return typed(ProblemType.SOURCE_NOT_ALLOWED, failure.getMessage());
        }
        if (failure instanceof StoryOwnedElsewhereException) {
            return typed(ProblemType.STORY_OWNED_ELSEWHERE, failure.getMessage());
        }
        if (failure instanceof StaleVersionException) {
            return typed(ProblemType.STALE_VERSION, failure.getMessage());
        }
        if (failure instanceof StoryUnreadableException unreadable) {
            return describeUnreadableBody(unreadable.jsonFailure(), unreadable.getMessage());
        }
        if (failure instanceof StoryTooLargeException tooLarge) {
            return invalidFields(ProblemType.TOO_LARGE, "Story too large", tooLarge.violations());
        }
        if (failure instanceof StoryRejectedException rejected) {
            return invalidFields(ProblemType.INVALID_STORY, "Invalid story", rejected.violations());
        }
        if (failure instanceof HoldsExceededException) {
            return typed(ProblemType.TOO_MANY_HOLDS, failure.getMessage());
        }
        if (failure instanceof ArticleTooLargeException) {
            return typed(ProblemType.TOO_LARGE, "Story is too large for the article log");
        }
        if (failure instanceof ArticleNotWrittenException) {
            return typed(ProblemType.NOT_WRITTEN,
                    "The story could not be written and was not accepted; retry after " + retryAfterSeconds() + " seconds");
        }
        log.error("Story failed unexpectedly", failure);
        return typed(ProblemType.INTERNAL_ERROR, "The story was not accepted");
    }

    static ProblemDetail describeUnreadableBody(@Nullable JacksonException json, @Nullable String otherwise) {
        if (json instanceof UnrecognizedPropertyException unknown) {
            return invalidFields(ProblemType.INVALID_STORY, "Invalid story",
                    List.of(new FieldViolation(fieldPath(unknown.getPath()), NOT_A_FIELD)));
        }
        if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch.getPath());
            return invalidFields(ProblemType.INVALID_STORY, "Invalid story",
                    List.of(new FieldViolation(field, expectedType(mismatch.getTargetType()))));
        }
        if (json instanceof MismatchedInputException) {
            return typed(ProblemType.MALFORMED_BODY, "Request body must be a JSON object");
        }
        if (json != null) {
            return typed(ProblemType.MALFORMED_BODY,
                    "Malformed JSON" + where(json.getLocation()) + ": " + json.getOriginalMessage());
        }
        return typed(ProblemType.MALFORMED_BODY, otherwise);
    }

    /** A problem of a documented kind (docs/ERRORS.md): its type, status and title, with this occurrence's detail. */
    public static ProblemDetail typed(ProblemType type, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    private static ProblemDetail invalidFields(ProblemType type, String summary, List<FieldViolation> violations) {
        ProblemDetail problem = typed(type, summary + ": "
                + String.join("; ", violations.stream().map(FieldViolation::describe).toList()));
        problem.setProperty(ERRORS, violations);
        return problem;
    }

    static @Nullable JacksonException jsonCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            }
            else {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expectedType(@Nullable Class<?> targetType) {
        Class<?> type = Optional.<Class<?>>ofNullable(targetType).orElse(Object.class);
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "must be an integer";
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "has the wrong type";
    }

    private static String where(@Nullable TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
