package org.newsroom.publish.stream;

import java.time.Duration;
import java.util.Locale;

import org.newsroom.publish.PublishProperties;
import org.newsroom.publish.article.ArticleView;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/stream}: every change as an SSE event named after the action, with the cursor as
 * id and the article as JSON data.
 */
@RestController
class StreamController {

    static final String HEARTBEAT = "heartbeat";

    private final LiveStreamHub hub;

    private final Duration heartbeatInterval;

    StreamController(LiveStreamHub hub, PublishProperties properties) {
        this.hub = hub;
        this.heartbeatInterval = properties.heartbeatInterval();
    }

    /**
     * The first heartbeat goes out at once: it commits the response so clients and proxies see the
     * stream open, and since the hub is subscribed first, a client that has seen it will not miss a
     * change made afterwards.
     */
    @GetMapping(path = "/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<ArticleView>> stream() {
        Flux<ServerSentEvent<ArticleView>> changes = hub.events().map(StreamController::toSse);
        Flux<ServerSentEvent<ArticleView>> heartbeats = Flux.interval(Duration.ZERO, heartbeatInterval)
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.<ArticleView>builder().comment(HEARTBEAT).build());
        return Flux.merge(changes, heartbeats);
    }

    private static ServerSentEvent<ArticleView> toSse(StreamEvent event) {
        return ServerSentEvent.builder(event.article())
                .event(event.article().action().name().toLowerCase(Locale.ROOT))
                .id(event.cursor())
                .build();
    }
}
