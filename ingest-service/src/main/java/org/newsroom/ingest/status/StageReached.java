package org.newsroom.ingest.status;

import java.time.Instant;

/**
 * A stage that a version of a story reached.
 *
 * @param version the editorial version
 * @param at when it reached the stage
 */
public record StageReached(long version, Instant at) {

    /** The later of two versions; the newer one wins whatever order the topics were read in. */
    static StageReached newer(StageReached current, StageReached candidate) {
        return candidate.version() >= current.version() ? candidate : current;
    }
}
