package org.newsroom.publish.stream;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * No HTTP server observation (timer, trace span) for the streams: each open stream kept a live
 * observation with its span and tags for its whole life (up to 30 minutes), a large part of what an
 * idle subscriber cost, and a request timer of connection lifetimes tells nothing. The stream's own
 * meters ({@link StreamMetrics}) say what matters: open subscribers and delivery latency.
 */
@Configuration(proxyBeanMethods = false)
class StreamObservations {

    @Bean
    ObservationPredicate noServerObservationOfStreams() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && request.getCarrier().getPath().value().startsWith("/v1/stream"));
    }
}
