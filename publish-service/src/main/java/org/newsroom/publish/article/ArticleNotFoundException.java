package org.newsroom.publish.article;

import org.newsroom.contract.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No article has the requested id; rendered as an RFC 7807 problem naming the id. */
class ArticleNotFoundException extends ErrorResponseException {

    ArticleNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No article with id '" + id + "'.");
        problem.setType(ProblemType.ARTICLE_NOT_FOUND.uri());
        problem.setTitle(ProblemType.ARTICLE_NOT_FOUND.title());
        problem.setProperty("id", id);
        return problem;
    }
}
