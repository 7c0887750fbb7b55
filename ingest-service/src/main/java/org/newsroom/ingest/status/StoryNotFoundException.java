package org.newsroom.ingest.status;

import org.newsroom.contract.ProblemType;
import org.newsroom.ingest.story.web.StoryProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No story with that uri was accepted from the asking partner. Another partner's story is not
 * found either: whether it exists is none of the asker's business.
 */
class StoryNotFoundException extends ErrorResponseException {

    StoryNotFoundException(String uri) {
        super(HttpStatus.NOT_FOUND, problem(uri), null);
    }

    private static ProblemDetail problem(String uri) {
        ProblemDetail problem = StoryProblems.typed(ProblemType.STORY_NOT_FOUND,
                "No story with uri '" + uri + "' was accepted from this partner.");
        problem.setProperty("uri", uri);
        return problem;
    }
}
