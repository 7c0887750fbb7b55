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

    /** Authenticates, then counts the request against the partner's rate limit. */
    Partner admit(HttpHeaders headers, byte[] body) {
        Partner partner = authenticator.authenticate(headers.getFirst(PartnerAuthenticator.API_KEY_HEADER),
                headers.getFirst(PartnerAuthenticator.SIGNATURE_HEADER), body);
        rateLimiter.acquire(partner);
        return partner;
    }
}
