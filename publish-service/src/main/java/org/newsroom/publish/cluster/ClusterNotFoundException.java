package org.newsroom.publish.cluster;

import org.newsroom.contract.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No cluster with members has the requested id; rendered as an RFC 7807 problem naming the id. */
class ClusterNotFoundException extends ErrorResponseException {

    ClusterNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No story cluster with id '" + id + "'.");
        problem.setType(ProblemType.CLUSTER_NOT_FOUND.uri());
        problem.setTitle(ProblemType.CLUSTER_NOT_FOUND.title());
        problem.setProperty("id", id);
        return problem;
    }
}
