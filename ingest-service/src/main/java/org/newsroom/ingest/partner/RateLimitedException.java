package org.newsroom.ingest.partner;

/** The partner sent more requests than its limit allows; answered 429 with Retry-After. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitedException(Partner partner, long retryAfterSeconds) {
        super("Partner " + partner.id() + " may send " + partner.requestsPerMinute()
                + " requests per minute; retry after " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
