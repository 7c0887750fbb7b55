package org.newsroom.e2e;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live-stream subscriber that behaves like a browser's EventSource: whenever its connection ends
 * or cannot be opened, it connects again after a short delay and sends the id of the last message
 * it got as {@code Last-Event-ID}. It never drops or merges what it receives, so a test can assert
 * that an event arrived exactly once, not merely at least once.
 *
 * <p>Bounded: it reconnects at most {@value #MAX_CONNECTIONS} times and stops when closed.
 */
final class StreamSubscriber implements AutoCloseable {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {
            };
    private static final Set<String> ARTICLE_EVENTS = Set.of("published", "updated", "corrected", "killed");
    private static final Duration RECONNECT_DELAY = Duration.ofMillis(500);
    private static final int MAX_CONNECTIONS = 600;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebClient http = WebClient.create();
    private final URI stream;
    private final List<ServerSentEvent<String>> articleEvents = new CopyOnWriteArrayList<>();
    /** The {@code Last-Event-ID} sent on each connection, {@code ""} for none. */
    private final List<String> resumedFrom = new CopyOnWriteArrayList<>();
    private final Disposable subscription;
    private volatile String lastEventId;
    private volatile boolean streaming;

    private StreamSubscriber(URI stream, String resumeFrom) {
        this.stream = stream;
        this.lastEventId = resumeFrom;
        this.subscription = Flux.defer(this::connectOnce)
                .repeatWhen(ended -> ended.delayElements(RECONNECT_DELAY).take(MAX_CONNECTIONS - 1))
                .subscribe(this::receive);
    }

    /** Subscribes to the live stream of now on and returns once the first message arrived. */
    static StreamSubscriber connect(URI publish) {
        return resume(publish, null);
    }

    /**
     * Subscribes with {@code Last-Event-ID: cursor}, as a browser does when it comes back (possibly
     * to another instance behind the same address), and returns once the first message arrived.
     *
     * @param cursor the id of the last message received before, {@code null} for none
     */
    static StreamSubscriber resume(URI publish, String cursor) {
        return open(publish.resolve("/v1/stream"), cursor);
    }

    /** Subscribes from {@code since} on ({@code ?since=}), replaying what was stored since then. */
    static StreamSubscriber since(URI publish, Instant since) {
        return open(publish.resolve("/v1/stream?since=" + since), null);
    }

    private static StreamSubscriber open(URI stream, String cursor) {
        StreamSubscriber subscriber = new StreamSubscriber(stream, cursor);
        subscriber.awaitStreaming();
        return subscriber;
    }

    /** The id of the last message received, the cursor to resume from; {@code null} before any. */
    String lastEventId() {
        return lastEventId;
    }

    /** Waits until a connection is open and has delivered its first message (the start heartbeat). */
    void awaitStreaming() {
        await().atMost(CONNECT_TIMEOUT).until(() -> streaming);
    }

    /** The article events received, in arrival order, over all connections. */
    List<ServerSentEvent<String>> articleEvents() {
        return List.copyOf(articleEvents);
    }

    /** The article events received for one story uri. */
    List<ServerSentEvent<String>> eventsFor(String uri) {
        return articleEvents.stream().filter(event -> uri.equals(uriOf(event))).toList();
    }

    /** How many article events each uri got, for the uris starting with {@code prefix}. */
    Map<String, Long> deliveriesByUri(String prefix) {
        return articleEvents.stream().map(StreamSubscriber::uriOf).filter(uri -> uri.startsWith(prefix))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    boolean receivedAll(Collection<String> uris) {
        Set<String> received = articleEvents.stream().map(StreamSubscriber::uriOf).collect(Collectors.toSet());
        return received.containsAll(uris);
    }

    /** The {@code Last-Event-ID} each connection after the first resumed from ({@code ""} for none). */
    List<String> resumptions() {
        return List.copyOf(resumedFrom.subList(1, resumedFrom.size()));
    }

    private Flux<ServerSentEvent<String>> connectOnce() {
        String resumeFrom = lastEventId;
        resumedFrom.add(resumeFrom == null ? "" : resumeFrom);
        return http.get().uri(stream)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (resumeFrom != null) {
                        headers.set("Last-Event-ID", resumeFrom);
                    }
                })
                .retrieve()
                .bodyToFlux(SSE)
                .doOnNext(event -> streaming = true)
                // A refused or broken connection is what this subscriber exists to survive.
                .onErrorResume(error -> Flux.empty())
                .doFinally(signal -> streaming = false);
    }

    private void receive(ServerSentEvent<String> event) {
        if (event.id() != null && !event.id().isBlank()) {
            lastEventId = event.id();
        }
        if (event.event() != null && ARTICLE_EVENTS.contains(event.event())) {
            articleEvents.add(event);
        }
    }

    private static String uriOf(ServerSentEvent<String> event) {
        return event.data() == null ? "" : JSON.readTree(event.data()).path("uri").asString("");
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
