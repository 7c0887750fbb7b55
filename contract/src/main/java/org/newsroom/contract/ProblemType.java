package org.newsroom.contract;

import java.net.URI;

/**
 * Every kind of refusal the newsroom's HTTP APIs answer, as the {@code type} URI of its RFC 7807
 * problem. Clients branch on the URI, never on {@code title} or {@code detail}; each is documented
 * in docs/ERRORS.md (a test keeps the two in step). The base is a {@code .example} host (RFC 2606):
 * the project owns no domain, and a reserved name can never come to belong to someone else, so the
 * identifiers stay stable and nobody else's page is ever taken for the catalogue.
 */
public enum ProblemType {

    INVALID_STORY("invalid-story", 400, "Bad Request"),
    MALFORMED_BODY("malformed-body", 400, "Bad Request"),
    PARTNER_UNAUTHORIZED("partner-unauthorized", 401, "Unauthorized"),
    SOURCE_NOT_ALLOWED("source-not-allowed", 403, "Forbidden"),
    STORY_OWNED_ELSEWHERE("story-owned-elsewhere", 403, "Forbidden"),
    STORY_NOT_FOUND("story-not-found", 404, "Story not found"),
    STALE_VERSION("stale-version", 409, "Conflict"),
    TOO_LARGE("too-large", 413, "Content Too Large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type"),
    RATE_LIMITED("rate-limited", 429, "Too Many Requests"),
    TOO_MANY_HOLDS("too-many-holds", 429, "Too many held stories"),
    NOT_WRITTEN("not-written", 503, "Service Unavailable"),
    INTERNAL_ERROR("internal-error", 500, "Internal Server Error"),
    INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter"),
    ARTICLE_NOT_FOUND("article-not-found", 404, "Article not found"),
    CLUSTER_NOT_FOUND("cluster-not-found", 404, "Story cluster not found"),
    TOO_MANY_STREAMS_FROM_CLIENT("too-many-streams-from-client", 429, "Too many streams from this client"),
    TOO_MANY_STREAMS("too-many-streams", 503, "Too many streams");

    public static final String BASE = "https://newsroom.example/problems/";

    private final URI uri;

    private final int status;

    private final String title;

    ProblemType(String name, int status, String title) {
        this.uri = URI.create(BASE + name);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
