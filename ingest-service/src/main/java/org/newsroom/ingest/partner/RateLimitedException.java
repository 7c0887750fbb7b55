package org.newsroom.ingest.partner;

/** The partner sent more stories than its limit allows; answered 429 with Retry-After. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitedException(Partner partner, long retryAfterSeconds) {
        this("Partner " + partner.id() + " may send " + partner.storiesPerMinute()
                + " stories per minute; retry after " + retryAfterSeconds + " seconds", retryAfterSeconds);
    }

    private RateLimitedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A batch that no wait would let through: it must be split. */
    static RateLimitedException batchTooLarge(Partner partner, int stories) {
        return new RateLimitedException("Partner " + partner.id() + " may send " + partner.storiesPerMinute()
                + " stories per minute, and this request holds " + stories + "; split it into smaller batches", 60);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
