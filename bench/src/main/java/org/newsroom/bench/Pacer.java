package org.newsroom.bench;

import java.util.concurrent.locks.LockSupport;

/** Spaces actions evenly at a fixed rate, catching up after a late start instead of drifting. */
final class Pacer {

    private final long start = System.nanoTime();
    private final long periodNanos;

    Pacer(double perSecond) {
        this.periodNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Waits until action number {@code n} (from 0) is due. */
    void awaitTurn(long n) {
        long due = start + n * periodNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
