package org.newsroom.ingest.story.web;

import java.util.List;

import org.newsroom.ingest.ApiDocumentation;
import org.newsroom.ingest.partner.Partner;
import org.newsroom.ingest.partner.PartnerAuthenticator;
import org.newsroom.ingest.story.StoryAccepted;
import org.newsroom.ingest.story.StoryIntake;
import org.newsroom.ingest.story.StoryRequest;
import org.newsroom.ingest.story.StoryUnreadableException;
import org.newsroom.ingest.story.format.FeedStoryReader;
import org.newsroom.ingest.story.format.JsonStoryReader;
import org.newsroom.ingest.story.format.MappedStory;
import org.newsroom.ingest.story.format.NdjsonLines;
import org.newsroom.ingest.story.format.NinjsStoryReader;
import org.newsroom.ingest.story.format.PlainTextStoryReader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The partners' push endpoint for stories, one method per format (chosen by Content-Type): native
 * JSON, plain text, NDJSON batches, IPTC ninjs, and RSS / Atom feeds. Each body
 * is read as raw bytes (within the configured request size), authenticated over exactly those bytes,
 * and only then decoded: a request that is not signed by a known partner is never parsed. The body
 * is required in every method: an optional one would make an empty request match every format.
 * Every accepted story is logged and counted by its format (see {@link StoryMetrics}); the log line
 * carries the trace id that the answer's {@code X-Trace-Id} header quotes.
 */
@RestController
@Tag(name = "stories", description = "Partners push stories; see docs/PARTNERS.md for signing")
@SecurityRequirement(name = ApiDocumentation.PARTNER_KEY)
class StoryController {

    static final String PATH = "/v1/stories";

    static final String NDJSON = "application/x-ndjson";

    private final PartnerGate gate;

    private final JsonStoryReader jsonReader;

    private final PlainTextStoryReader textReader;

    private final NinjsStoryReader ninjsReader;

    private final FeedStoryReader feedReader;

    private final StoryIntake intake;

    private final StoryOutcomes outcomes;

    StoryController(PartnerGate gate, JsonStoryReader jsonReader, PlainTextStoryReader textReader,
            NinjsStoryReader ninjsReader, FeedStoryReader feedReader, StoryIntake intake, StoryOutcomes outcomes) {
        this.gate = gate;
        this.jsonReader = jsonReader;
        this.textReader = textReader;
        this.ninjsReader = ninjsReader;
        this.feedReader = feedReader;
        this.intake = intake;
        this.outcomes = outcomes;
    }

    /** A push of stories, in any format: what {@link TraceIdHeader} and {@link RejectedStoryCounter} watch. */
    static boolean isStoryPush(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod())
                && PATH.equals(request.getPath().pathWithinApplication().value());
    }

    /**
     * 202 rather than 201: the story is safely queued, but the article does not exist yet. 200 for a
     * story the log already held: nothing happened, and the answer carries the original message id.
     */
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "pushStories", summary = "Push a story, a batch or a feed",
            description = "The format is chosen by Content-Type. The request is authenticated over its raw bytes "
                    + "before it is read. One story is answered 202 (written, or held under embargo) or 200 "
                    + "(duplicate); a batch or feed 207 with one result per line or item.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = StoryRequest.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string",
                    description = "The story as partners paste it: the first line is the headline, \"Continue "
                            + "reading at …\" names the source, \"Read more … →\" lines become related hints; "
                            + "the uri and the rest in the X-Story-* headers")),
            @Content(mediaType = NDJSON, schema = @Schema(type = "string",
                    description = "A batch: one story per line, each a JSON object as application/json takes")),
            @Content(mediaType = NinjsStoryReader.MEDIA_TYPE, schema = @Schema(type = "object",
                    description = "An IPTC ninjs 2.x news item; violations name their JSON pointer")),
            @Content(mediaType = NinjsStoryReader.IPTC_MEDIA_TYPE, schema = @Schema(type = "object",
                    description = "An IPTC ninjs 2.x news item; violations name their JSON pointer")),
            @Content(mediaType = FeedStoryReader.RSS, schema = @Schema(type = "string", description = "An RSS 2.0 feed")),
            @Content(mediaType = FeedStoryReader.ATOM, schema = @Schema(type = "string", description = "An Atom 1.0 feed")),
            @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string",
                    description = "RSS 2.0 or Atom 1.0, told apart by the root element")),
            @Content(mediaType = MediaType.TEXT_XML_VALUE, schema = @Schema(type = "string",
                    description = "RSS 2.0 or Atom 1.0, told apart by the root element")) })
    @Parameter(in = ParameterIn.HEADER, name = PartnerAuthenticator.SIGNATURE_HEADER, required = true,
            description = "`sha256=` and the 64 hex digits of the HMAC-SHA256 of the raw body, keyed with the "
                    + "partner's secret", schema = @Schema(type = "string", pattern = "^sha256=[0-9a-fA-F]{64}$"))
    @Parameter(in = ParameterIn.HEADER, name = PlainTextStoryReader.URI_HEADER,
            description = "text/plain only, required there: the story's uri", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.HEADER, name = PlainTextStoryReader.VERSION_HEADER,
            description = "text/plain only: the editorial version, 1 when absent", schema = @Schema(type = "integer"))
    @Parameter(in = ParameterIn.HEADER, name = PlainTextStoryReader.FIRST_CREATED_HEADER,
            description = "text/plain only: an ISO-8601 instant, the time of receipt when absent",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(in = ParameterIn.HEADER, name = PlainTextStoryReader.EMBARGOED_HEADER,
            description = "text/plain only: an ISO-8601 instant before which the story is held",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.CONTENT_LANGUAGE,
            description = "text/plain only: the story's BCP 47 language", schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "202", description = "The story is in the article log (`accepted`), or held "
            + "until its embargo ends (`held`, with `embargoedUntil`)", headers = @Header(name = TraceIdHeader.HEADER,
                    description = "the trace of this push", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = StoryAccepted.class)))
    @ApiResponse(responseCode = "200", description = "The log already held this story (`duplicate`): nothing "
            + "written, the original message id", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = StoryAccepted.class)))
    @ApiResponse(responseCode = "207", description = "A batch or feed: one result per line or item, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = BatchLineResult.class))))
    @ApiResponse(responseCode = "400", description = "Unreadable or invalid story; `errors` names every field",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "Unknown API key or a wrong signature",
            headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "The story's source is not allowed for this partner",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "An older version than the log already holds",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The request, or a story in it, is too large",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @ApiResponse(responseCode = "415", description = "A Content-Type no format here reads",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Over the partner's stories per minute (`rate-limited`, with "
            + "Retry-After; a batch or feed counts each line or item; it is refused whole), or over its limit of "
            + "stories held under embargo (`too-many-holds`)",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @ApiResponse(responseCode = "503", description = "Kafka did not take the story: it was not accepted, send it "
            + "again after Retry-After", headers = @Header(name = HttpHeaders.RETRY_AFTER,
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    Mono<ResponseEntity<StoryAccepted>> submitJson(@Parameter(hidden = true) @RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) {
        Partner partner = gate.admit(headers, body);
        return outcomes.accepted("json", intake.accept(jsonReader.read(body), partner)).map(StoryController::answer);
    }

    /** A story as partners paste it; see {@link PlainTextStoryReader} for the headers it needs. */
    @PostMapping(path = PATH, consumes = MediaType.TEXT_PLAIN_VALUE)
    // Documented with submitJson: one operation, one request body per Content-Type.
    @Operation(hidden = true)
    Mono<ResponseEntity<StoryAccepted>> submitText(@RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) {
        Partner partner = gate.admit(headers, body);
        return outcomes.accepted("text", intake.accept(textReader.read(body, headers), partner))
                .map(StoryController::answer);
    }

    /**
     * A batch of native JSON stories, one per line. The signature covers the whole body; after that
     * each line stands alone and gets its own result, in line order, under 207 Multi-Status. Lines
     * are written one after another so that two versions of one story in a batch keep their order.
     */
    @PostMapping(path = PATH, consumes = NDJSON)
    // Documented with submitJson: one operation, one request body per Content-Type.
    @Operation(hidden = true)
    Mono<ResponseEntity<List<BatchLineResult>>> submitBatch(@RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) {
        Partner partner = gate.authenticate(headers, body);
        List<NdjsonLines.Line> lines = NdjsonLines.split(body);
        if (lines.isEmpty()) {
            throw StoryUnreadableException.missingBody();
        }
        gate.charge(partner, lines.size());
        return Flux.fromIterable(lines)
                .concatMap(line -> result(line.number(), "ndjson",
                        Mono.defer(() -> intake.accept(jsonReader.read(line.bytes()), partner))))
                .collectList()
                .map(StoryController::multiStatus);
    }

    /**
     * An IPTC ninjs 2.x news item (see {@link NinjsStoryReader}); answered like native JSON, with
     * every violation located by its JSON pointer in the item.
     */
    @PostMapping(path = PATH, consumes = { NinjsStoryReader.MEDIA_TYPE, NinjsStoryReader.IPTC_MEDIA_TYPE })
    // Documented with submitJson: one operation, one request body per Content-Type.
    @Operation(hidden = true)
    Mono<ResponseEntity<StoryAccepted>> submitNinjs(@RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) {
        Partner partner = gate.admit(headers, body);
        return outcomes.accepted("ninjs", accept(ninjsReader.read(body), partner)).map(StoryController::answer);
    }

    /**
     * An RSS 2.0 or Atom document, told apart by its root element (see {@link FeedStoryReader}).
     * Answered like an NDJSON batch: one result per item in document order, {@code line} being the
     * item's 1-based position, and one bad item never keeps the others out.
     */
    @PostMapping(path = PATH, consumes = { FeedStoryReader.RSS, FeedStoryReader.ATOM,
            MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
    // Documented with submitJson: one operation, one request body per Content-Type.
    @Operation(hidden = true)
    Mono<ResponseEntity<List<BatchLineResult>>> submitFeed(@RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) {
        Partner partner = gate.authenticate(headers, body);
        List<FeedStoryReader.Item> items = feedReader.read(body);
        gate.charge(partner, items.size());
        return Flux.fromIterable(items)
                .concatMap(item -> result(item.position(), "feed",
                        item.outcome().flatMap(story -> accept(story, partner))))
                .collectList()
                .map(StoryController::multiStatus);
    }

    /** A mapped story through the same intake as native JSON, its rejections named as the partner wrote them. */
    private Mono<StoryAccepted> accept(MappedStory story, Partner partner) {
        return intake.accept(story.request(), partner).onErrorMap(story.locations()::locate);
    }

    private Mono<BatchLineResult> result(int line, String format, Mono<StoryAccepted> accepted) {
        return outcomes.accepted(format, accepted)
                .map(story -> BatchLineResult.accepted(line, story.answeredWith().value(), story))
                .onErrorResume(failure -> Mono.just(BatchLineResult.rejected(line, outcomes.rejected(failure))));
    }

    private static ResponseEntity<List<BatchLineResult>> multiStatus(List<BatchLineResult> results) {
        return ResponseEntity.status(HttpStatus.MULTI_STATUS).contentType(MediaType.APPLICATION_JSON).body(results);
    }

    private static ResponseEntity<StoryAccepted> answer(StoryAccepted accepted) {
        return ResponseEntity.status(accepted.answeredWith()).body(accepted);
    }
}
