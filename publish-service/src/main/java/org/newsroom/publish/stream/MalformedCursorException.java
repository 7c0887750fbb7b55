package org.newsroom.publish.stream;

import org.newsroom.publish.web.InvalidParameterException;

/** A cursor that this service did not make; clients must pass back the ids they were given, unchanged. */
public class MalformedCursorException extends InvalidParameterException {

    public MalformedCursorException() {
        super("cursor", "The cursor is not one this service gave out; pass back an event id unchanged.");
    }
}
