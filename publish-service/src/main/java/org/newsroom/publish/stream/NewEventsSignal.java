package org.newsroom.publish.stream;

/**
 * Told when this instance has recorded stream events, so that its live stream reads them at once
 * instead of at the next poll of the shared log.
 */
@FunctionalInterface
public interface NewEventsSignal {

    void newEventsRecorded();
}
