package org.newsroom.ingest.partner;

/**
 * An authenticated partner attributed a story to a source it may not speak for; answered 403,
 * because a partner must not be able to publish in another agency's name.
 */
public class SourceNotAllowedException extends RuntimeException {

    public SourceNotAllowedException(Partner partner, String source) {
        super("Partner " + partner.id() + " may not push stories attributed to '" + source + "'");
    }
}
