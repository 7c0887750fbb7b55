package org.newsroom.ingest.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Bounds;
import org.newsroom.ingest.state.StateMap;
import org.newsroom.ingest.state.StateStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The latest version of every article in the log, fed by {@link ArticleLogListener}. Decides whether
 * a story is written, answered as a duplicate or refused as stale; each decision is atomic per uri.
 *
 * <p>What the log holds is kept in the {@link StateStore} (one compact entry per uri, on disk);
 * only the claims this instance is writing are in memory, until the log gives them back.
 */
@Component
public class ArticleLedger {

    /** Builds the event to write once the ledger has chosen its version and action. */
    @FunctionalInterface
    public interface EventFactory {

        ArticleEvent create(long version, ArticleAction action);
    }

    private final StateMap stored;

    /** Claims of this instance not yet read back from the log, by uri: the latest one of each uri. */
    private final Map<String, LedgerEntry> claims = new ConcurrentHashMap<>();

    /** Events this instance is writing, by event id: whether the log accepted them, once it gives them back. */
    private final Map<String, CompletableFuture<Boolean>> readBacks = new ConcurrentHashMap<>();

    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();

    @Autowired
    public ArticleLedger(StateStore store) {
        this.stored = store.map("articles");
    }

    /** A ledger in memory, for tests that run without Kafka. */
    public ArticleLedger() {
        this(StateStore.inMemory());
    }

    /**
     * Rules: a declared version equal to the stored one is a duplicate, a lower one is stale, a higher
     * one is written. A story without a declared version is a duplicate if its content hash equals
     * the stored one, else the next version. A kill is the exception to "same version, duplicate":
     * unless it repeats a stored kill it is stale, because a kill must not be mistaken for the story
     * it withdraws. The action follows from {@code intent} and whether the uri is known.
     *
     * A uri belongs to the partner that first sent it: a story of another partner under a known uri
     * is {@link Claim.Foreign}, whatever it holds, so that nobody updates, corrects or kills another
     * partner's story. Every instance reads the same log, so all of them agree on the owner.
     *
     * @param partnerId the partner that sends the story
     * @param declaredVersion the version the partner sent, {@code null} if it sent none
     * @param contentHash {@link ContentHash} of the story, the same function as for stored events
     */
    public Claim claim(String uri, String partnerId, @Nullable Long declaredVersion, String contentHash,
            Intent intent, EventFactory events) {
        Claim[] decision = new Claim[1];
        claims.compute(uri, (key, claimed) -> {
            LedgerEntry current = claimed != null ? claimed : storedEntry(uri);
            if (current != null && !current.partnerId().equals(partnerId)) {
                decision[0] = new Claim.Foreign(uri);
                return claimed;
            }
            if (current != null) {
                boolean sameContent = contentHash.equals(current.contentHash());
                boolean sameVersion = declaredVersion != null && declaredVersion == current.version();
                if (declaredVersion == null ? sameContent : sameVersion && (sameContent || intent != Intent.KILL)) {
                    decision[0] = new Claim.Duplicate(uri, current);
                    return claimed;
                }
                if (declaredVersion != null && declaredVersion <= current.version()) {
                    decision[0] = new Claim.Stale(uri, declaredVersion, current.version());
                    return claimed;
                }
                // No version left above it: refused like a stale one rather than one past the bound.
                if (declaredVersion == null && current.version() >= Bounds.MAX_VERSION) {
                    decision[0] = new Claim.Stale(uri, current.version(), current.version());
                    return claimed;
                }
            }
            long version = declaredVersion != null ? declaredVersion : current == null ? 1 : current.version() + 1;
            ArticleEvent event = events.create(version, intent.action(current != null));
            LedgerEntry entry = LedgerEntry.pending(event);
            decision[0] = new Claim.Write(event, entry, claimed);
            return entry;
        });
        return decision[0];
    }

    /** The claimed event is in the log. */
    public void written(Claim.Write write) {
        write.entry().written().complete(null);
        // The log may have given the event back before Kafka acknowledged it: then nothing else ends the claim.
        LedgerEntry stored = storedEntry(write.event().uri());
        if (stored != null && stored.version() >= write.entry().version()) {
            claims.remove(write.event().uri(), write.entry());
        }
    }

    /** The claimed event may not be in the log: forget the claim, so that the partner's retry is written. */
    public void notWritten(Claim.Write write, Throwable failure) {
        claims.compute(write.event().uri(), (key, current) -> current == write.entry() ? write.previous() : current);
        write.entry().written().completeExceptionally(failure);
    }

    /**
     * To be called before {@code event} is written: completes once the log gives it back, with
     * whether the log accepted it, that is whether it came before any other event of its uri with
     * the same or a higher version. Every instance reads the same partition in the same order and
     * applies the same rule, so all of them agree on that answer (see the package documentation).
     */
    public CompletableFuture<Boolean> expect(ArticleEvent event) {
        return readBacks.computeIfAbsent(event.eventId(), id -> new CompletableFuture<>());
    }

    /** The write of {@code event} ended, read back or not. */
    public void stopExpecting(ArticleEvent event) {
        readBacks.remove(event.eventId());
    }

    /** An event read from the log; only a higher version replaces what is known. */
    void observe(ArticleEvent event) {
        LedgerEntry known = storedEntry(event.uri());
        boolean accepted = known == null || event.version() > known.version();
        if (accepted) {
            stored.put(event.uri(), StoredEntries.encode(LedgerEntry.stored(event)));
        }
        CompletableFuture<Boolean> readBack = readBacks.remove(event.eventId());
        if (readBack != null) {
            readBack.complete(accepted);
        }
        // A written claim that the log now covers is known from the store from here on.
        claims.computeIfPresent(event.uri(), (key, claimed) -> claimed.version() <= event.version()
                && claimed.written().isDone() ? null : claimed);
    }

    /** A tombstone: the log no longer holds the article. */
    void forget(String uri) {
        stored.remove(uri);
    }

    /** Called by {@link ArticleLogListener}; public for tests that run without Kafka. */
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

    /** The latest version of the article that was accepted, whether or not its write has completed. */
    public Optional<LedgerEntry> find(String uri) {
        LedgerEntry claimed = claims.get(uri);
        return Optional.ofNullable(claimed != null ? claimed : storedEntry(uri));
    }

    private @Nullable LedgerEntry storedEntry(String uri) {
        byte[] entry = stored.get(uri);
        return entry == null ? null : StoredEntries.decode(entry);
    }
}
