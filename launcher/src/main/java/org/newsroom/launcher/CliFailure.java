package org.newsroom.launcher;

/**
 * A command that cannot do what it was asked, for a reason the person at the terminal can fix: its
 * message is the one line {@link NewsroomCli} prints, saying what to do, never a stack trace.
 */
final class CliFailure extends RuntimeException {

    /** Wrong use of the command, as for an unknown option. */
    static final int USAGE = 2;

    /** The command was right, but what it needs is not there (a service not running, a taken port). */
    static final int UNAVAILABLE = 1;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
