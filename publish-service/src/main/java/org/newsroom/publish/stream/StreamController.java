package org.newsroom.publish.stream;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.Bounds;
import org.newsroom.publish.web.ApiDocumentation;
import org.newsroom.publish.web.InvalidParameterException;
import io.swagger.v3.oas.annotations.ExternalDocumentation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
    @Tag(name = "stream")
    @Operation(operationId = "stream", summary = "Every change of an article, live, resumable",
            description = "A long-lived response: one message per stored change, named after its action "
                    + "(published, updated, corrected, killed), clustered (a story cluster's members or lead "
                    + "changed: the cluster as after the change, sent right after the article that changed it), "
                    + "plus reset (the cursor is behind retention: "
                    + "refetch /v1/articles) and end (reconnect with the cursor it carries). The SSE `id` is "
                    + "the cursor; a comment every 15 s keeps the connection alive. The events and their "
                    + "payloads are specified in docs/asyncapi.yaml and contract/src/main/resources/schemas/.",
            externalDocs = @ExternalDocumentation(description = "AsyncAPI 3 document of the stream",
                    url = ApiDocumentation.ASYNCAPI))
    @ApiResponse(responseCode = "200", description = "The stream, until the client leaves or `end` is sent",
            content = {
                    @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
                            description = "Server-Sent Events: `id:` the cursor, `event:` the message's name, "
                                    + "`data:` its payload as one line of JSON (docs/asyncapi.yaml)"),
                            examples = @ExampleObject(name = "published", value = "id:djE6MDoxMg\n"
                                    + "event:published\ndata:{\"id\":\"kJ3…\",\"uri\":\"urn:newsroom:sample:1\",…}\n\n")),
                    @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
                            schema = @Schema(implementation = StreamMessage.class,
                                    description = "one message per line")) })
    @ApiResponse(responseCode = "400", description = "A malformed cursor, instant or filter; `parameter` names it",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Over the streams one client may hold",
            headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @ApiResponse(responseCode = "503", description = "Over the streams this instance holds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    Flux<ServerSentEvent<Object>> stream(
            @Parameter(description = "resume after this event id; wins over `cursor` because an EventSource "
                    + "sends it on reconnect") @RequestHeader(name = LAST_EVENT_ID, required = false) @Nullable String lastEventId,
            @Parameter(description = "resume after this event id") @RequestParam(required = false) @Nullable String cursor,
            @Parameter(description = "start at this ISO-8601 instant", schema = @Schema(type = "string",
                    format = "date-time")) @RequestParam(required = false) @Nullable String since,
            @Parameter(description = "only articles naming this entity, a Wikidata id or a name; repeatable, any "
                    + "of them") @RequestParam(required = false) @Nullable List<String> entity,
            @Parameter(description = "only articles in this language; repeatable")
            @RequestParam(required = false) @Nullable List<String> lang,
            @Parameter(description = "only articles with an entity of this type (PERSON, ORGANIZATION, LOCATION, "
                    + "MISC); repeatable") @RequestParam(required = false) @Nullable List<String> type,
            @Parameter(description = "only the articles and `clustered` changes of this story cluster (an "
                    + "article's `clusterId`)") @RequestParam(required = false) @Nullable String cluster,
            @Parameter(description = "only the first article of each story cluster, and no `clustered` events: one "
                    + "item per news event", schema = @Schema(type = "boolean", defaultValue = "false"))
            @RequestParam(required = false) @Nullable String firstOfCluster,
            @Parameter(hidden = true) ServerHttpRequest request) {
        return open(lastEventId, cursor, since, new Filters(entity, lang, type, cluster, firstOfCluster), request)
                .map(StreamController::toSse);
    }

    @GetMapping(path = "/v1/stream", produces = MediaType.APPLICATION_NDJSON_VALUE)
    // Documented with stream: one operation, one response per media type.
    @Operation(hidden = true)
    Flux<StreamMessage> ndjson(@RequestHeader(name = LAST_EVENT_ID, required = false) @Nullable String lastEventId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable List<String> entity,
            @RequestParam(required = false) @Nullable List<String> lang,
            @RequestParam(required = false) @Nullable List<String> type,
            @RequestParam(required = false) @Nullable String cluster,
            @RequestParam(required = false) @Nullable String firstOfCluster,
            ServerHttpRequest request) {
        return open(lastEventId, cursor, since, new Filters(entity, lang, type, cluster, firstOfCluster), request);
    }

    /** The raw filter parameters of a stream request. */
    private record Filters(@Nullable List<String> entity, @Nullable List<String> lang, @Nullable List<String> type,
            @Nullable String cluster, @Nullable String firstOfCluster) {

        StreamFilter toFilter() {
            return StreamFilter.of(orEmpty(entity), orEmpty(lang), orEmpty(type))
                    .inCluster(cluster == null || cluster.isBlank() ? null : cluster.strip(), firstOnly());
        }

        private boolean firstOnly() {
            if (firstOfCluster == null || firstOfCluster.isBlank()) {
                return false;
            }
            return switch (firstOfCluster.strip()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidParameterException("firstOfCluster",
                        "'" + firstOfCluster + "' is not true or false.");
            };
        }
    }

    /** Checks every parameter before taking a connection slot, so bad input is a 400, never a held slot. */
    private Flux<StreamMessage> open(@Nullable String lastEventId, @Nullable String cursor, @Nullable String since,
            Filters filters, ServerHttpRequest request) {
        StreamStart start = startOf(lastEventId != null && !lastEventId.isBlank() ? lastEventId : cursor, since);
        StreamFilter filter = filters.toFilter();
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
            Instant start;
            try {
                start = Instant.parse(since.strip());
            }
            catch (DateTimeParseException e) {
                throw new InvalidParameterException("since",
                        "'" + since + "' is not an ISO-8601 instant such as 2025-03-01T08:00:00Z.");
            }
            // Instant.parse takes years up to ±1,000,000,000, beyond what a stored date can be compared with.
            if (!Bounds.representable(start)) {
                throw new InvalidParameterException("since", "'" + since + "' is outside the years 0001 to 9999.");
            }
            return StreamStart.since(start);
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
