package org.newsroom.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What {@code ./newsroom} tells the person at the terminal: one line per part as it becomes ready,
 * then one line per story as it moves through the pipeline. The services' own logs stay in their
 * files unless {@code --verbose}; lines here must be short enough to read at a glance.
 */
final class Console {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final int URI_WIDTH = 44;

    private final PrintStream out;
    private final PrintStream err;

    Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Why the newsroom cannot start or run, and what to do about it. */
    synchronized void fail(String message) {
        out.flush();
        err.println("newsroom: " + message);
    }

    /** A remark of the launcher's own, such as what it is waiting for or stopping. */
    synchronized void say(String message) {
        out.println("newsroom: " + message);
    }

    /** One part of the newsroom is ready: its name, where it listens, and how long it took. */
    synchronized void ready(String part, String where, Duration took) {
        out.printf(Locale.ROOT, "  ready  %-24s %-34s %5.1f s%n", part, where, took.toMillis() / 1000.0);
    }

    /** One step of one story: {@code stage} is accepted, held, enriched or published. */
    synchronized void story(Instant at, String stage, String uri, String detail) {
        out.printf(Locale.ROOT, "%s  %-9s  %-" + URI_WIDTH + "s  %s%n", CLOCK.format(at), stage, shorten(uri), detail);
    }

    /** Prints a block as it is, such as the box of URLs. */
    synchronized void block(String text) {
        out.println(text);
    }

    private static String shorten(String uri) {
        return uri.length() <= URI_WIDTH ? uri : "…" + uri.substring(uri.length() - URI_WIDTH + 1);
    }
}
