package org.newsroom.ingest.partner;

/** The request does not prove which partner sent it; answered 401 and nothing is written. */
public class PartnerUnauthorizedException extends RuntimeException {

    public PartnerUnauthorizedException(String reason) {
        super(reason);
    }
}
