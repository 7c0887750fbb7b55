package org.newsroom.enrich.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Whether a follower has read its topic up to where it ended when first asked, told to its
 * readiness: the position, not the last record's offset, counts, since compaction can leave the
 * end past the last record. Used on the follower's consumer thread only.
 */
final class CatchUp {

    private final FollowerReadiness readiness;
    private @Nullable Map<TopicPartition, Long> target;

    CatchUp(FollowerReadiness readiness) {
        this.readiness = readiness;
    }

    boolean isCaughtUp() {
        return readiness.isCaughtUp();
    }

    /** Whether the follower has just now caught up; the caller then tells its readiness ({@link #caughtUp}). */
    boolean reachedEnd(Consumer<?, ?> consumer, long readSinceStart) {
        if (readiness.isCaughtUp()) {
            return false;
        }
        if (target == null) {
            target = consumer.endOffsets(consumer.assignment());
        }
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
            behind += Math.max(0, end.getValue() - consumer.position(end.getKey()));
        }
        readiness.progress(readSinceStart, behind);
        return behind == 0;
    }

    void caughtUp() {
        readiness.caughtUp();
    }
}
