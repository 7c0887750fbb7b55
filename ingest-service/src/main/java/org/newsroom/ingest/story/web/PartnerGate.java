package org.newsroom.ingest.story.web;

import org.newsroom.ingest.partner.Partner;
import org.newsroom.ingest.partner.PartnerAuthenticator;
import org.newsroom.ingest.partner.PartnerRateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The door of the push endpoint: which partner sent the request, proven over its raw bytes, and
 * whether it is within its rate limit. Nothing is read from a request before it passed here.
 */
@Component
class PartnerGate {

    private final PartnerAuthenticator authenticator;

    private final PartnerRateLimiter rateLimiter;

    PartnerGate(PartnerAuthenticator authenticator, PartnerRateLimiter rateLimiter) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
    }

    /** Authenticates a request of one story, then counts it against the partner's rate limit. */
    Partner admit(HttpHeaders headers, byte[] body) {
        Partner partner = authenticate(headers, body);
        charge(partner, 1);
        return partner;
    }

    /** Authenticates a batch or feed; its stories are counted with {@link #charge} once they are counted. */
    Partner authenticate(HttpHeaders headers, byte[] body) {
        return authenticator.authenticate(headers, body);
    }

    /** Counts {@code stories} against the partner's rate limit, all or none. */
    void charge(Partner partner, int stories) {
        rateLimiter.acquire(partner, stories);
    }
}
