package org.newsroom.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A partner pushing new stories at a steady rate, recording when each push was sent and answered
 * and what ingest answered. While ingest is slow to answer (as when it waits for an unreachable
 * broker), at most {@code concurrency} pushes are in flight and the ticks in between are skipped,
 * as a partner with a bounded connection pool would.
 *
 * <p>Bounded in count and time: it stops by itself after {@code maxPushes} pushes or
 * {@code maxDuration}, whichever comes first.
 */
final class PushLoad {

    /**
     * One push. {@code answer} is {@code null} if no HTTP answer came (refused, reset or timed out);
     * {@code failure} then says why.
     */
    record Push(String uri, Instant sentAt, Instant answeredAt, IngestClient.Answer answer, String failure) {

        boolean accepted() {
            return answer != null && answer.accepted();
        }

        int status() {
            return answer == null ? -1 : answer.status();
        }

        /** Whether the whole exchange, from sending to the answer, lies within [from, to]. */
        boolean within(Instant from, Instant to) {
            return !sentAt.isBefore(from) && !answeredAt.isAfter(to);
        }
    }

    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private final Sinks.Empty<Void> stop = Sinks.empty();
    private final Mono<Void> done;
    private final Disposable running;

    private PushLoad(IngestClient ingest, String run, Duration interval, int concurrency, int maxPushes,
            Duration maxDuration) {
        done = Flux.interval(interval)
                .onBackpressureDrop()
                .take(maxPushes)
                .take(maxDuration)
                .takeUntilOther(stop.asMono())
                .map(tick -> Stories.uri(run, tick.intValue() + 1))
                .flatMap(uri -> push(ingest, uri), concurrency)
                .doOnNext(pushes::add)
                .then()
                .cache();
        running = done.subscribe();
    }

    /** Starts pushing one new story every {@code interval} of the run named {@code run}. */
    static PushLoad start(IngestClient ingest, String run, Duration interval, int concurrency, int maxPushes,
            Duration maxDuration) {
        return new PushLoad(ingest, run, interval, concurrency, maxPushes, maxDuration);
    }

    private static Mono<Push> push(IngestClient ingest, String uri) {
        return Mono.defer(() -> {
            Instant sentAt = Instant.now();
            return ingest.send(Stories.json(uri))
                    .map(answer -> new Push(uri, sentAt, Instant.now(), answer, null))
                    .onErrorResume(error -> Mono.just(new Push(uri, sentAt, Instant.now(), null, error.toString())));
        });
    }

    /** The pushes answered so far that match. */
    long count(Predicate<Push> which) {
        return pushes.stream().filter(which).count();
    }

    /** Stops sending, waits for the pushes in flight to be answered and returns every push made. */
    List<Push> finish(Duration atMost) {
        stop.tryEmitEmpty();
        try {
            done.block(atMost);
        }
        finally {
            running.dispose();
        }
        return List.copyOf(pushes);
    }
}
