package org.newsroom.enrich.related;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.store.MMapDirectory;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the archive index in a folder of its own on disk, memory-mapped: the index lives in the
 * operating system's page cache, not on the heap, whatever its size. An index that cannot be read
 * (corrupt, written by another Lucene format, files missing) is deleted and started anew: the
 * article topic holds every article, and the follower rebuilds the index from it.
 */
final class ArchiveIndex {

    private static final Logger log = LoggerFactory.getLogger(ArchiveIndex.class);

    private ArchiveIndex() {
    }

    static LuceneArchive open(Path folder, Function<ArticleEvent, List<Entity>> archiveEntities, int maxResults,
            double minScore, int cachedCandidates) {
        try {
            Files.createDirectories(folder);
            MMapDirectory directory = new MMapDirectory(folder);
            try {
                return new LuceneArchive(directory, archiveEntities, maxResults, minScore, cachedCandidates);
            }
            catch (UncheckedIOException e) {
                directory.close();
                IOException cause = e.getCause();
                if (cause == null || !unreadable(cause)) {
                    throw e;
                }
                log.warn("The archive index in {} cannot be read ({}); deleting it to rebuild it from the article topic",
                        folder, cause.toString());
                deleteContents(folder);
                return new LuceneArchive(new MMapDirectory(folder), archiveEntities, maxResults, minScore,
                        cachedCandidates);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot open the archive index in " + folder, e);
        }
    }

    /** What a damaged or foreign index throws; a lock held by another process is not one of them. */
    private static boolean unreadable(IOException e) {
        return e instanceof CorruptIndexException || e instanceof IndexFormatTooOldException
                || e instanceof IndexFormatTooNewException || e instanceof EOFException
                || e instanceof NoSuchFileException || e instanceof FileNotFoundException;
    }

    private static void deleteContents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}
