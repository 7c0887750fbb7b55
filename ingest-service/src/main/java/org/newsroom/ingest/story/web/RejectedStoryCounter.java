package org.newsroom.ingest.story.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Counts every story push refused as a whole, by the status it was answered with. This is the one
 * place all such refusals pass: the partner's authentication, rate limit, body size and format are
 * checked before a story exists, by the controller, the codecs or the framework, and their problems
 * come from {@link StoryProblemHandler} or from Spring itself. Lines and items of a batch that is
 * answered 207 are counted by the controller, one by one.
 */
@Component
class RejectedStoryCounter implements WebFilter {

    private final StoryMetrics metrics;

    RejectedStoryCounter(StoryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!StoryController.isStoryPush(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .doOnSuccess(done -> {
                    HttpStatusCode status = exchange.getResponse().getStatusCode();
                    if (status != null && status.isError()) {
                        metrics.rejected(status);
                    }
                })
                // Not handled by any advice: the framework's error handler answers after this filter.
                .doOnError(failure -> metrics.rejected(failure instanceof ErrorResponse response
                        ? response.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR));
    }
}
