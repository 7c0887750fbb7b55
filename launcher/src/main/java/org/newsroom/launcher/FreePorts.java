package org.newsroom.launcher;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback ports for a newsroom that tests or benchmarks start. A port asked from the kernel with
 * port 0 comes from its ephemeral range, the same range outgoing connections take their local
 * ports from: on a machine busy with Kafka clients, another process may take it between the pick
 * and the bind. These ports come from below that range (32768 and up on Linux), each one checked
 * free, none handed out twice by one JVM, starting at a random place so that JVMs rarely meet.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;

    private static final int COUNT = 12_000;

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(COUNT));

    private FreePorts() {
    }

    /** A port that is free on 127.0.0.1 now. */
    public static int pick() {
        for (int tried = 0; tried < COUNT; tried++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
            if (PortCheck.isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + FIRST + " and " + (FIRST + COUNT));
    }
}
