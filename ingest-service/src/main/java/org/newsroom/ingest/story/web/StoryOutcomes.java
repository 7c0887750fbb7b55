package org.newsroom.ingest.story.web;

import org.newsroom.ingest.story.StoryAccepted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * What becomes of each story, for operators: an accepted one is logged and counted by format, a
 * line or item of a batch refused on its own is described and counted (whole refused requests are
 * counted by {@link RejectedStoryCounter}).
 */
@Component
class StoryOutcomes {

    private static final Logger log = LoggerFactory.getLogger(StoryOutcomes.class);

    private final StoryProblems problems;

    private final StoryMetrics metrics;

    StoryOutcomes(StoryProblems problems, StoryMetrics metrics) {
        this.problems = problems;
        this.metrics = metrics;
    }

    /** Logs and counts a story once it is accepted; a rejection is counted where its answer is made. */
    Mono<StoryAccepted> accepted(String format, Mono<StoryAccepted> accepted) {
        return accepted.doOnNext(story -> {
            log.info("Accepted {} version {} ({}, {})", story.uri(), story.version(), story.status(), format);
            metrics.accepted(format, story.status());
        });
    }

    /** A line or item of a batch that is refused on its own: counted here, the request itself is a 207. */
    ProblemDetail rejected(Throwable failure) {
        ProblemDetail problem = problems.describe(failure);
        metrics.rejected(HttpStatusCode.valueOf(problem.getStatus()));
        return problem;
    }
}
