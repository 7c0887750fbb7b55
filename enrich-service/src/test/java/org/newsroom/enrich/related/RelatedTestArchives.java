package org.newsroom.enrich.related;

import java.nio.file.Path;
import java.util.List;

/** Archives on disk for the tests of other packages, which cannot reach {@link ArchiveIndex}. */
public final class RelatedTestArchives {

    private RelatedTestArchives() {
    }

    /** An archive in the folder, without entities for archived articles. */
    public static LuceneArchive onDisk(Path folder) {
        return ArchiveIndex.open(folder, article -> List.of(), 5, 0.1, 16);
    }
}
