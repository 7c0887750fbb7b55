package org.newsroom.ingest.embargo;

/** The partner already holds as many stories, or as many bytes, under embargo as it may. */
public class HoldsExceededException extends RuntimeException {

    public HoldsExceededException(String message) {
        super(message);
    }
}
