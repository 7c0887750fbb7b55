package org.newsroom.ingest.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.springframework.stereotype.Component;

/**
 * The latest version of every article in the log, kept in memory (one small entry per uri) and fed
 * by {@link ArticleLogFollower}. Decides whether a story is written, answered as a duplicate or
 * refused as stale; each decision is atomic per uri.
 */
@Component
public class ArticleLedger {

    /** Builds the event to write once the ledger has chosen its version and action. */
    @FunctionalInterface
    public interface EventFactory {

        ArticleEvent create(long version, ArticleAction action);
    }

    private final Map<String, LedgerEntry> entries = new ConcurrentHashMap<>();

    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();

    /**
     * Rules: a declared version equal to the stored one is a duplicate, a lower one is stale, a higher
     * one is written. A story without a declared version is a duplicate if its content hash equals
     * the stored one, else the next version. A kill is the exception to "same version, duplicate":
     * unless it repeats a stored kill it is stale, because a kill must not be mistaken for the story
     * it withdraws. The action follows from {@code intent} and whether the uri is known.
     *
     * @param declaredVersion the version the partner sent, {@code null} if it sent none
     * @param contentHash {@link ContentHash} of the story, the same function as for stored events
     */
    public Claim claim(String uri, @Nullable Long declaredVersion, String contentHash, Intent intent,
            EventFactory events) {
        Claim[] decision = new Claim[1];
        entries.compute(uri, (key, current) -> {
            if (current != null) {
                boolean sameContent = contentHash.equals(current.contentHash());
                boolean sameVersion = declaredVersion != null && declaredVersion == current.version();
                if (declaredVersion == null ? sameContent : sameVersion && (sameContent || intent != Intent.KILL)) {
                    decision[0] = new Claim.Duplicate(uri, current);
                    return current;
                }
                if (declaredVersion != null && declaredVersion <= current.version()) {
                    decision[0] = new Claim.Stale(uri, declaredVersion, current.version());
                    return current;
                }
            }
            long version = declaredVersion != null ? declaredVersion : current == null ? 1 : current.version() + 1;
            ArticleEvent event = events.create(version, intent.action(current != null));
            LedgerEntry entry = LedgerEntry.pending(event);
            decision[0] = new Claim.Write(event, entry, current);
            return entry;
        });
        return decision[0];
    }

    /** The claimed event is in the log. */
    public void written(Claim.Write write) {
        write.entry().written().complete(null);
    }

    /** The claimed event may not be in the log: forget the claim, so that the partner's retry is written. */
    public void notWritten(Claim.Write write, Throwable failure) {
        entries.compute(write.event().uri(), (key, current) -> current == write.entry() ? write.previous() : current);
        write.entry().written().completeExceptionally(failure);
    }

    /** An event read from the log; only a higher version replaces what is known. */
    void observe(ArticleEvent event) {
        entries.compute(event.uri(), (key, current) -> current == null || event.version() > current.version()
                ? LedgerEntry.stored(event) : current);
    }

    /** A tombstone: the log no longer holds the article. */
    void forget(String uri) {
        entries.remove(uri);
    }

    /** Called by {@link ArticleLogFollower}; public for tests that run without Kafka. */
    public void markCaughtUp() {
        caughtUp.complete(null);
    }

    /** Completes once the log has been read up to where it ended at startup. */
    public CompletableFuture<Void> caughtUp() {
        return caughtUp;
    }

    public boolean isCaughtUp() {
        return caughtUp.isDone();
    }

    public int size() {
        return entries.size();
    }

    /** The latest version of the article that was accepted, whether or not its write has completed. */
    public Optional<LedgerEntry> find(String uri) {
        return Optional.ofNullable(entries.get(uri));
    }
}
