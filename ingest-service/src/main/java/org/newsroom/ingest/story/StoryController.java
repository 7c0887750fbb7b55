package org.newsroom.ingest.story;

import java.util.List;

import org.newsroom.ingest.partner.Partner;
import org.newsroom.ingest.partner.PartnerAuthenticator;
import org.newsroom.ingest.partner.PartnerRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

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
class StoryController {

    static final String PATH = "/v1/stories";

    static final String NDJSON = "application/x-ndjson";

    private static final Logger log = LoggerFactory.getLogger(StoryController.class);

    private final PartnerAuthenticator authenticator;

    private final JsonStoryReader jsonReader;

    private final PlainTextStoryReader textReader;

    private final NinjsStoryReader ninjsReader;

    private final FeedStoryReader feedReader;

    private final StoryIntake intake;

    private final StoryProblems problems;

    private final PartnerRateLimiter rateLimiter;

    private final StoryMetrics metrics;

    StoryController(PartnerAuthenticator authenticator, PartnerRateLimiter rateLimiter, JsonStoryReader jsonReader,
            PlainTextStoryReader textReader, NinjsStoryReader ninjsReader, FeedStoryReader feedReader,
            StoryIntake intake, StoryProblems problems, StoryMetrics metrics) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.jsonReader = jsonReader;
        this.textReader = textReader;
        this.ninjsReader = ninjsReader;
        this.feedReader = feedReader;
        this.intake = intake;
        this.problems = problems;
        this.metrics = metrics;
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
    Mono<ResponseEntity<StoryAccepted>> submitJson(@RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) {
        Partner partner = authenticate(headers, body);
        return accepted("json", intake.accept(jsonReader.read(body), partner)).map(StoryController::answer);
    }

    /** A story as partners paste it; see {@link PlainTextStoryReader} for the headers it needs. */
    @PostMapping(path = PATH, consumes = MediaType.TEXT_PLAIN_VALUE)
    Mono<ResponseEntity<StoryAccepted>> submitText(@RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) {
        Partner partner = authenticate(headers, body);
        return accepted("text", intake.accept(textReader.read(body, headers), partner)).map(StoryController::answer);
    }

    /**
     * A batch of native JSON stories, one per line. The signature covers the whole body; after that
     * each line stands alone and gets its own result, in line order, under 207 Multi-Status. Lines
     * are written one after another so that two versions of one story in a batch keep their order.
     */
    @PostMapping(path = PATH, consumes = NDJSON)
    Mono<ResponseEntity<List<BatchLineResult>>> submitBatch(@RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) {
        Partner partner = authenticate(headers, body);
        List<NdjsonLines.Line> lines = NdjsonLines.split(body);
        if (lines.isEmpty()) {
            throw StoryUnreadableException.missingBody();
        }
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
    Mono<ResponseEntity<StoryAccepted>> submitNinjs(@RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) {
        Partner partner = authenticate(headers, body);
        return accepted("ninjs", accept(ninjsReader.read(body), partner)).map(StoryController::answer);
    }

    /**
     * An RSS 2.0 or Atom document, told apart by its root element (see {@link FeedStoryReader}).
     * Answered like an NDJSON batch: one result per item in document order, {@code line} being the
     * item's 1-based position, and one bad item never keeps the others out.
     */
    @PostMapping(path = PATH, consumes = { FeedStoryReader.RSS, FeedStoryReader.ATOM,
            MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
    Mono<ResponseEntity<List<BatchLineResult>>> submitFeed(@RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) {
        Partner partner = authenticate(headers, body);
        return Flux.fromIterable(feedReader.read(body))
                .concatMap(item -> result(item.position(), "feed", item.failure() != null ? Mono.error(item.failure())
                        : Mono.defer(() -> accept(item.story(), partner))))
                .collectList()
                .map(StoryController::multiStatus);
    }

    /** A mapped story through the same intake as native JSON, its rejections named as the partner wrote them. */
    private Mono<StoryAccepted> accept(MappedStory story, Partner partner) {
        return intake.accept(story.request(), partner).onErrorMap(story.locations()::locate);
    }

    private Mono<BatchLineResult> result(int line, String format, Mono<StoryAccepted> accepted) {
        return accepted(format, accepted)
                .map(story -> BatchLineResult.accepted(line, story.answeredWith().value(), story))
                .onErrorResume(failure -> Mono.just(BatchLineResult.rejected(line, rejected(failure))));
    }

    /** Logs and counts a story once it is accepted; a rejection is counted where its answer is made. */
    private Mono<StoryAccepted> accepted(String format, Mono<StoryAccepted> accepted) {
        return accepted.doOnNext(story -> {
            log.info("Accepted {} version {} ({}, {})", story.uri(), story.version(), story.status(), format);
            metrics.accepted(format, story.status());
        });
    }

    /** A line or item of a batch that is refused on its own: counted here, the request itself is a 207. */
    private ProblemDetail rejected(Throwable failure) {
        ProblemDetail problem = problems.describe(failure);
        metrics.rejected(HttpStatusCode.valueOf(problem.getStatus()));
        return problem;
    }

    private static ResponseEntity<List<BatchLineResult>> multiStatus(List<BatchLineResult> results) {
        return ResponseEntity.status(HttpStatus.MULTI_STATUS).contentType(MediaType.APPLICATION_JSON).body(results);
    }

    private static ResponseEntity<StoryAccepted> answer(StoryAccepted accepted) {
        return ResponseEntity.status(accepted.answeredWith()).body(accepted);
    }

    /** Authenticates, then counts the request against the partner's rate limit. */
    private Partner authenticate(HttpHeaders headers, byte[] body) {
        Partner partner = authenticator.authenticate(headers.getFirst(PartnerAuthenticator.API_KEY_HEADER),
                headers.getFirst(PartnerAuthenticator.SIGNATURE_HEADER), body);
        rateLimiter.acquire(partner);
        return partner;
    }
}
