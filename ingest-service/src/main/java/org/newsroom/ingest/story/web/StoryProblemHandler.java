package org.newsroom.ingest.story.web;

import org.newsroom.contract.ProblemType;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.article.ArticleNotWrittenException;
import org.newsroom.ingest.article.ArticleTooLargeException;
import org.newsroom.ingest.embargo.HoldsExceededException;
import org.newsroom.ingest.ledger.StaleVersionException;
import org.newsroom.ingest.ledger.StoryOwnedElsewhereException;
import org.newsroom.ingest.partner.PartnerUnauthorizedException;
import org.newsroom.ingest.partner.RateLimitedException;
import org.newsroom.ingest.partner.SourceNotAllowedException;
import org.newsroom.ingest.story.StoryRejectedException;
import org.newsroom.ingest.story.StoryUnreadableException;
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
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Answers every failed request with an RFC 7807 problem (see {@link StoryProblems}); only a failing
 * article log yields a 5xx, and then with {@code Retry-After} because the partner's retry is what
 * keeps the story from being lost. Extending {@link ResponseEntityExceptionHandler} keeps the
 * framework's problems (415, 405, ...) for everything not handled here.
 */
@RestControllerAdvice
class StoryProblemHandler extends ResponseEntityExceptionHandler {

    private final IngestProperties properties;

    private final StoryProblems problems;

    StoryProblemHandler(IngestProperties properties, StoryProblems problems) {
        this.properties = properties;
        this.problems = problems;
    }

    /** The challenge names the scheme so that a partner's client knows how to authenticate. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> partnerUnauthorized(PartnerUnauthorizedException unauthorized) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "HMAC-SHA256 realm=\"newsroom-ingest\"")
                .body(StoryProblems.typed(ProblemType.PARTNER_UNAUTHORIZED, unauthorized.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException limited) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()))
                .body(StoryProblems.typed(ProblemType.RATE_LIMITED, limited.getMessage()));
    }

    @ExceptionHandler({ SourceNotAllowedException.class, StoryUnreadableException.class, StoryRejectedException.class,
            StaleVersionException.class, StoryOwnedElsewhereException.class, ArticleTooLargeException.class,
            ArticleNotWrittenException.class, HoldsExceededException.class })
    ResponseEntity<ProblemDetail> storyFailed(RuntimeException failure) {
        ProblemDetail problem = problems.describe(failure);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (failure instanceof ArticleNotWrittenException) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(problems.retryAfterSeconds()));
        }
        return response.body(problem);
    }

    @ExceptionHandler
    ProblemDetail requestTooLarge(ContentTooLargeException tooLarge) {
        return StoryProblems.typed(ProblemType.TOO_LARGE,
                "Request body is larger than " + properties.maxRequestSize().toBytes() + " bytes");
    }

    /** Unreadable input: say where it broke, or which field had the wrong type. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        boolean empty = exchange.getRequest().getHeaders().getContentLength() == 0;
        JacksonException json = StoryProblems.jsonCause(ex);
        ProblemDetail problem = json == null && !empty ? ex.getBody()
                : StoryProblems.describeUnreadableBody(json, StoryProblems.MISSING_BODY);
        problem.setType(ProblemType.MALFORMED_BODY.uri());
        return handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    /** A Content-Type that no format reads: the framework's problem, with its documented type. */
    @Override
    protected Mono<ResponseEntity<Object>> handleUnsupportedMediaTypeStatusException(
            UnsupportedMediaTypeStatusException ex, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        ex.getBody().setType(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri());
        return super.handleUnsupportedMediaTypeStatusException(ex, headers, status, exchange);
    }
}
