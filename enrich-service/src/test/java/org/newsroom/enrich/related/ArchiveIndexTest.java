package org.newsroom.enrich.related;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;

/** The archive index on disk: what a commit holds survives a restart; what cannot be read is started anew. */
class ArchiveIndexTest {

    @TempDir
    Path folder;

    @Test
    void keepsTheArticlesAndCommitDataOfTheLastCommitAcrossARestart() throws IOException {
        try (LuceneArchive archive = open()) {
            archive.accept(article("urn:test:committed"));
            archive.commit(Map.of("offset.0", "1"));
            archive.accept(article("urn:test:uncommitted"));
            archive.refresh();
            assertThat(archive.size()).isEqualTo(2);
        }
        // A crash loses what came after the last commit; closing commits nothing more either.

        try (LuceneArchive reopened = open()) {
            assertThat(reopened.committedData()).containsExactly(Map.entry("offset.0", "1"));
            assertThat(reopened.contains("urn:test:committed")).isTrue();
            assertThat(reopened.contains("urn:test:uncommitted")).isFalse();
        }
    }

    @Test
    void deletesAnIndexThatCannotBeReadAndStartsEmpty() throws IOException {
        try (LuceneArchive archive = open()) {
            archive.accept(article("urn:test:one"));
            archive.commit(Map.of("offset.0", "1"));
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path segments : files.filter(file -> file.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(segments, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
            }
        }

        try (LuceneArchive rebuilt = open()) {
            assertThat(rebuilt.size()).isZero();
            assertThat(rebuilt.committedData()).isEmpty();
        }
    }

    @Test
    void neverDeletesAnIndexThatAnotherArchiveHasOpen() throws IOException {
        try (LuceneArchive archive = open()) {
            archive.accept(article("urn:test:one"));
            archive.commit(Map.of("offset.0", "1"));

            assertThatThrownBy(this::open).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(LockObtainFailedException.class);
            archive.refresh();
            assertThat(archive.size()).isEqualTo(1);
        }
    }

    private LuceneArchive open() {
        return ArchiveIndex.open(folder, article -> List.of(), 5, 0.1, 16);
    }

    private static ArticleEvent article(String uri) {
        Instant created = Instant.parse("2026-03-01T08:00:00Z");
        return new ArticleEvent(1, "evt-" + uri, ArticleAction.PUBLISHED, uri, 1, "Talks in Geneva",
                "Talks between the delegations resumed in Geneva.", "Test Wire", "partner-1", "en", created, created,
                List.of());
    }
}
