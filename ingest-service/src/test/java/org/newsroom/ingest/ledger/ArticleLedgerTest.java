package org.newsroom.ingest.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Bounds;

class ArticleLedgerTest {

    private static final String URI = "urn:newsroom:test:ledger";

    private final ArticleLedger ledger = new ArticleLedger();

    private int events;

    private static ArticleEvent event(String eventId, long version, ArticleAction action, String body) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, eventId, action, URI, version, "Headline", body, "Source",
                "partner", "en", Instant.EPOCH, Instant.EPOCH, List.of());
    }

    private Claim claim(@Nullable Long declaredVersion, String body) {
        return claim(declaredVersion, body, Intent.STORY);
    }

    private Claim claim(@Nullable Long declaredVersion, String body, Intent intent) {
        return ledger.claim(URI, "partner", declaredVersion,
                ContentHash.of("Headline", body, "Source", "en", intent == Intent.KILL), intent,
                (version, action) -> event("event-" + ++events, version, action, body));
    }

    private Claim.Write written(@Nullable Long declaredVersion, String body) {
        Claim.Write write = (Claim.Write) claim(declaredVersion, body);
        ledger.written(write);
        return write;
    }

    @Test
    void theFirstEventOfAUriPublishesWhateverItsVersion() {
        Claim claim = claim(3L, "Body");

        assertThat(claim).isInstanceOfSatisfying(Claim.Write.class, write -> {
            assertThat(write.event()).isEqualTo(event("event-1", 3, ArticleAction.PUBLISHED, "Body"));
            assertThat(write.previous()).isNull();
        });
    }

    @Test
    void theSameDeclaredVersionIsADuplicateOfTheOriginalEvent() {
        written(1L, "Body");

        Claim again = claim(1L, "Body changed without a new version");

        assertThat(again).isInstanceOfSatisfying(Claim.Duplicate.class, duplicate -> {
            assertThat(duplicate.entry().eventId()).isEqualTo("event-1");
            assertThat(duplicate.entry().version()).isEqualTo(1);
            assertThat(duplicate.entry().written()).isCompleted();
        });
    }

    @Test
    void aUriBelongsToThePartnerThatFirstSentIt() {
        written(1L, "Body");

        for (Intent intent : Intent.values()) {
            Claim foreign = ledger.claim(URI, "another partner", 2L,
                    ContentHash.of("Headline", "Other", "Source", "en", intent == Intent.KILL), intent,
                    (version, action) -> event("event-" + ++events, version, action, "Other"));
            assertThat(foreign).as(intent.name()).isEqualTo(new Claim.Foreign(URI));
        }
        assertThat(claim(2L, "Own update")).isInstanceOf(Claim.Write.class);
    }

    @Test
    void aHigherVersionUpdatesAndALowerOneIsStale() {
        written(2L, "Body");

        assertThat(claim(1L, "Old")).isEqualTo(new Claim.Stale(URI, 1, 2));
        assertThat(claim(5L, "New")).isInstanceOfSatisfying(Claim.Write.class, write ->
                assertThat(write.event()).isEqualTo(event("event-2", 5, ArticleAction.UPDATED, "New")));
    }

    @Test
    void withoutAVersionAStoryAtTheHighestVersionIsStaleInsteadOfPassingTheBound() {
        written(Bounds.MAX_VERSION, "Body");

        assertThat(claim(null, "Changed")).isEqualTo(new Claim.Stale(URI, Bounds.MAX_VERSION, Bounds.MAX_VERSION));
        assertThat(claim(null, "Body")).isInstanceOf(Claim.Duplicate.class);
    }

    @Test
    void withoutAVersionIdenticalContentIsADuplicateAndChangedContentTheNextVersion() {
        written(null, "Body");

        assertThat(claim(null, "Body")).isInstanceOf(Claim.Duplicate.class);
        assertThat(claim(null, "Body, corrected")).isInstanceOfSatisfying(Claim.Write.class, write ->
                assertThat(write.event()).isEqualTo(event("event-2", 2, ArticleAction.UPDATED, "Body, corrected")));
    }

    @Test
    void aDuplicateOfAStoryStillBeingWrittenSharesItsOutcome() {
        Claim.Write first = (Claim.Write) claim(1L, "Body");
        Claim.Duplicate duplicate = (Claim.Duplicate) claim(1L, "Body");
        IllegalStateException failure = new IllegalStateException("log down");

        ledger.notWritten(first, failure);

        assertThat(duplicate.entry().written()).isCompletedExceptionally();
        assertThat(claim(1L, "Body")).isInstanceOfSatisfying(Claim.Write.class, retry ->
                assertThat(retry.event().eventId()).isEqualTo("event-2"));
    }

    @Test
    void aFailedUpdateRestoresThePreviousVersion() {
        written(1L, "Body");
        Claim.Write update = (Claim.Write) claim(2L, "New");

        ledger.notWritten(update, new IllegalStateException("log down"));

        assertThat(claim(1L, "Body")).isInstanceOfSatisfying(Claim.Duplicate.class, duplicate ->
                assertThat(duplicate.entry().eventId()).isEqualTo("event-1"));
    }

    @Test
    void eventsReadFromTheLogKeepTheHighestVersionAndTombstonesForget() {
        ledger.observe(event("from-log-2", 2, ArticleAction.UPDATED, "Two"));
        ledger.observe(event("from-log-1", 1, ArticleAction.PUBLISHED, "One"));

        assertThat(claim(2L, "Two")).isInstanceOfSatisfying(Claim.Duplicate.class, duplicate ->
                assertThat(duplicate.entry().eventId()).isEqualTo("from-log-2"));
        ledger.forget(URI);
        assertThat(ledger.find(URI)).isEmpty();
    }

    @Test
    void aWrittenEventIsConfirmedWhenTheLogGivesItBackFirstOfItsVersion() {
        Claim.Write mine = (Claim.Write) claim(null, "Mine");
        CompletableFuture<Boolean> readBack = ledger.expect(mine.event());

        ledger.observe(mine.event());

        assertThat(readBack).isCompletedWithValue(true);
    }

    @Test
    void aWrittenEventIsRefusedWhenAnotherInstancesEventOfItsVersionCameFirst() {
        written(1L, "Body");
        ledger.observe(event("event-1", 1, ArticleAction.PUBLISHED, "Body"));
        Claim.Write mine = (Claim.Write) claim(null, "Edit here");
        CompletableFuture<Boolean> readBack = ledger.expect(mine.event());

        ledger.observe(event("other-instance", 2, ArticleAction.UPDATED, "Edit there"));
        ledger.observe(mine.event());

        assertThat(readBack).isCompletedWithValue(false);
        ledger.notWritten(mine, new IllegalStateException("lost"));
        assertThat(claim(null, "Edit here")).isInstanceOfSatisfying(Claim.Write.class,
                retry -> assertThat(retry.event().version()).isEqualTo(3));
    }

    @Test
    void aClaimReadBackBeforeItsAcknowledgementIsNotKeptInMemory() {
        Claim.Write mine = (Claim.Write) claim(null, "Body");
        ledger.observe(mine.event());
        ledger.written(mine);

        ledger.forget(URI);

        assertThat(ledger.find(URI)).isEmpty();
    }

    @Test
    void aCorrectionOfAKnownStoryIsCorrectedAndOfANewOnePublished() {
        assertThat(((Claim.Write) claim(null, "Body", Intent.CORRECTION)).event().action())
                .isEqualTo(ArticleAction.PUBLISHED);
        ledger.written((Claim.Write) claim(2L, "Body", Intent.STORY));

        assertThat(((Claim.Write) claim(3L, "Body, corrected", Intent.CORRECTION)).event().action())
                .isEqualTo(ArticleAction.CORRECTED);
    }

    @Test
    void aKillIsWrittenEvenWithTheSameContentAndIsItselfDeduplicated() {
        written(1L, "Body");

        assertThat(claim(1L, "Body", Intent.KILL)).isEqualTo(new Claim.Stale(URI, 1, 1));
        Claim.Write kill = (Claim.Write) claim(null, "Body", Intent.KILL);
        ledger.written(kill);

        assertThat(kill.event()).isEqualTo(event("event-2", 2, ArticleAction.KILLED, "Body"));
        assertThat(claim(null, "Body", Intent.KILL)).isInstanceOf(Claim.Duplicate.class);
        assertThat(claim(2L, "Body", Intent.KILL)).isInstanceOf(Claim.Duplicate.class);
    }

    @Test
    void isNotCaughtUpUntilTheFollowerSaysSo() {
        assertThat(ledger.isCaughtUp()).isFalse();

        ledger.markCaughtUp();

        assertThat(ledger.caughtUp()).isCompleted();
    }
}
