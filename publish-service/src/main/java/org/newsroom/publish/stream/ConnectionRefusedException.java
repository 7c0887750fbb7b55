package org.newsroom.publish.stream;

import java.time.Duration;

import org.newsroom.contract.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A stream refused because a connection cap is reached; tells the client when to try again. */
class ConnectionRefusedException extends ErrorResponseException {

    ConnectionRefusedException(HttpStatus status, String title, String detail, Duration retryAfter) {
        super(status, problem(status, title, detail), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        // One client over its cap waits for its own streams; a full instance waits for anyone's.
        problem.setType((status == HttpStatus.TOO_MANY_REQUESTS ? ProblemType.TOO_MANY_STREAMS_FROM_CLIENT
                : ProblemType.TOO_MANY_STREAMS).uri());
        return problem;
    }
}
