package org.newsroom.ingest.story;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.article.ArticleNotWrittenException;
import org.newsroom.ingest.article.ArticleTooLargeException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Answers every failed story with an RFC 7807 problem. Client mistakes name the offending fields
 * in {@code detail} and list them in {@code errors}; only a failing article log yields a 5xx, and
 * then with {@code Retry-After} because the partner's retry is what keeps the story from being lost.
 * Extending {@link ResponseEntityExceptionHandler} keeps the framework's problems (415, 405, ...)
 * for everything not handled here.
 */
@RestControllerAdvice
class StoryProblemHandler extends ResponseEntityExceptionHandler {

    static final String ERRORS = "errors";

    private final IngestProperties properties;

    StoryProblemHandler(IngestProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler
    ProblemDetail storyRejected(StoryRejectedException rejected) {
        return invalidFields(HttpStatus.BAD_REQUEST, "Invalid story", rejected.violations());
    }

    @ExceptionHandler
    ProblemDetail storyTooLarge(StoryTooLargeException tooLarge) {
        return invalidFields(HttpStatus.CONTENT_TOO_LARGE, "Story too large", tooLarge.violations());
    }

    @ExceptionHandler
    ProblemDetail requestTooLarge(ContentTooLargeException tooLarge) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "Request body is larger than " + properties.maxRequestSize().toBytes() + " bytes");
    }

    @ExceptionHandler
    ProblemDetail articleTooLarge(ArticleTooLargeException tooLarge) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "Story is too large for the article log");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> articleNotWritten(ArticleNotWrittenException notWritten) {
        long retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The story could not be written and was not accepted; retry after " + retryAfterSeconds + " seconds");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(problem);
    }

    /** Unreadable JSON: say where it broke, or which field had the wrong type. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        boolean empty = exchange.getRequest().getHeaders().getContentLength() == 0;
        return handleExceptionInternal(ex, describeUnreadableBody(ex, empty), headers, status, exchange);
    }

    /** An empty body reaches the JSON decoder too, which reports it like a non-object document. */
    private static ProblemDetail describeUnreadableBody(ServerWebInputException ex, boolean empty) {
        if (empty) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Request body is missing");
        }
        JacksonException json = jsonCause(ex);
        if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch.getPath());
            return invalidFields(HttpStatus.BAD_REQUEST, "Invalid story",
                    List.of(new FieldViolation(field, expectedType(mismatch.getTargetType()))));
        }
        if (json instanceof MismatchedInputException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Request body must be a JSON object");
        }
        if (json != null) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Malformed JSON" + where(json.getLocation()) + ": " + json.getOriginalMessage());
        }
        return ex.getBody();
    }

    private static ProblemDetail invalidFields(HttpStatus status, String summary, List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, summary + ": "
                + String.join("; ", violations.stream().map(FieldViolation::describe).toList()));
        problem.setProperty(ERRORS, violations);
        return problem;
    }

    private static @Nullable JacksonException jsonCause(Throwable failure) {
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
