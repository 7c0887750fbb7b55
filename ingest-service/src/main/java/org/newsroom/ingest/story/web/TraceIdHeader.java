package org.newsroom.ingest.story.web;

import java.util.Optional;

import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Answers every story push, accepted or not, with the id of its trace in {@value #HEADER}, so that
 * a partner can quote it and an operator can find the push in every service's log. The trace is the
 * partner's own when the push came with a W3C {@code traceparent} header, otherwise a new one; the
 * article's Kafka records carry it on through the pipeline.
 *
 * <p>The server observation of the exchange is started before any filter runs, and its tracing
 * handler has opened the span by then; the id is read from that observation rather than from the
 * thread, which in a reactive chain need not be the one the observation is current on.
 */
@Component
class TraceIdHeader implements WebFilter {

    static final String HEADER = "X-Trace-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (StoryController.isStoryPush(exchange.getRequest())) {
            traceIdOf(exchange).ifPresent(traceId -> exchange.getResponse().getHeaders().set(HEADER, traceId));
        }
        return chain.filter(exchange);
    }

    private static Optional<String> traceIdOf(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .<TracingContext>map(observation -> observation.get(TracingContext.class))
                .map(TracingContext::getSpan)
                .map(span -> span.context().traceId());
    }
}
