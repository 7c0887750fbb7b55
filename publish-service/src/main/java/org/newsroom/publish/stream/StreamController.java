package org.newsroom.publish.stream;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.publish.web.InvalidParameterException;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/stream}: every change as an SSE event named after the action, with the resume
 * cursor as id; or, for {@code Accept: application/x-ndjson}, one JSON object per line with
 * {@code event}, {@code cursor} and {@code data}.
 *
 * <p>A stream resumes after the {@code Last-Event-ID} header, else after {@code ?cursor=}, else
 * from {@code ?since=}; the header wins because a browser's EventSource sends it on reconnect while
 * still requesting the URL (and so the cursor) it first opened.
 */
@RestController
class StreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final LiveStream liveStream;

    private final ConnectionLimiter limiter;

    StreamController(LiveStream liveStream, ConnectionLimiter limiter) {
        this.liveStream = liveStream;
        this.limiter = limiter;
    }

    @GetMapping(path = "/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> stream(@RequestHeader(name = LAST_EVENT_ID, required = false) @Nullable String lastEventId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable List<String> entity,
            @RequestParam(required = false) @Nullable List<String> lang,
            @RequestParam(required = false) @Nullable List<String> type,
            ServerHttpRequest request) {
        return open(lastEventId, cursor, since, entity, lang, type, request).map(StreamController::toSse);
    }

    @GetMapping(path = "/v1/stream", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<StreamMessage> ndjson(@RequestHeader(name = LAST_EVENT_ID, required = false) @Nullable String lastEventId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable List<String> entity,
            @RequestParam(required = false) @Nullable List<String> lang,
            @RequestParam(required = false) @Nullable List<String> type,
            ServerHttpRequest request) {
        return open(lastEventId, cursor, since, entity, lang, type, request);
    }

    /** Checks every parameter before taking a connection slot, so bad input is a 400, never a held slot. */
    private Flux<StreamMessage> open(@Nullable String lastEventId, @Nullable String cursor, @Nullable String since,
            @Nullable List<String> entity, @Nullable List<String> lang, @Nullable List<String> type,
            ServerHttpRequest request) {
        StreamStart start = startOf(lastEventId != null && !lastEventId.isBlank() ? lastEventId : cursor, since);
        StreamFilter filter = StreamFilter.of(orEmpty(entity), orEmpty(lang), orEmpty(type));
        Runnable release = limiter.acquire(clientOf(request));
        return liveStream.open(start, filter).doFinally(signal -> release.run());
    }

    /**
     * Renders refusals and bad parameters as problem+json even though the client accepts only an
     * event stream: without an explicit content type the problem would be labelled as the stream's.
     */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> problem(ErrorResponseException error) {
        return ResponseEntity.status(error.getStatusCode())
                .headers(error.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(error.getBody());
    }

    private static StreamStart startOf(@Nullable String cursor, @Nullable String since) {
        if (cursor != null && !cursor.isBlank()) {
            return StreamStart.after(StreamCursor.decode(cursor.strip()));
        }
        if (since != null && !since.isBlank()) {
            try {
                return StreamStart.since(Instant.parse(since.strip()));
            }
            catch (DateTimeParseException e) {
                throw new InvalidParameterException("since",
                        "'" + since + "' is not an ISO-8601 instant such as 2025-03-01T08:00:00Z.");
            }
        }
        return StreamStart.NOW;
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String clientOf(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress() != null ? remote.getAddress().getHostAddress()
                : remote.getHostString();
    }

    private static ServerSentEvent<Object> toSse(StreamMessage message) {
        ServerSentEvent.Builder<Object> builder = ServerSentEvent.builder();
        if (message.cursor() != null) {
            builder.id(message.cursor());
        }
        if (StreamMessage.HEARTBEAT.equals(message.event())) {
            return builder.comment(StreamMessage.HEARTBEAT).build();
        }
        builder.event(message.event());
        if (message.data() != null) {
            builder.data(message.data());
        }
        return builder.build();
    }
}
