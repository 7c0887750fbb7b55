package org.newsroom.publish.web;

import org.newsroom.contract.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A stream or query parameter the client got wrong; rendered as an RFC 7807 problem naming it. */
public class InvalidParameterException extends ErrorResponseException {

    public InvalidParameterException(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, detail), null);
    }

    private static ProblemDetail problem(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(ProblemType.INVALID_PARAMETER.uri());
        problem.setTitle(ProblemType.INVALID_PARAMETER.title());
        problem.setProperty("parameter", parameter);
        return problem;
    }
}
