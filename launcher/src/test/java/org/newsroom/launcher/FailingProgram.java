package org.newsroom.launcher;

/** A stand-in service for {@link ServiceProcessTest} that gives up at once, as a misconfigured one would. */
public final class FailingProgram {

    private FailingProgram() {
    }

    public static void main(String[] args) {
        System.out.println("starting on port " + System.getenv("SERVER_PORT"));
        System.err.println("cannot start: no broker at " + System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        System.exit(3);
    }
}
