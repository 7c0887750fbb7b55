package org.newsroom.enrich.related;

import java.util.List;

import org.newsroom.contract.RelatedLink;

/**
 * An article measured against the archive, from one analysis of its text.
 *
 * @param related the earlier articles most like it, most related first, scores in [0, 1]
 * @param keywords its terms most unlike the archive's (the most characteristic first)
 */
public record ArchiveComparison(List<RelatedLink> related, List<String> keywords) {

    /** Nothing to say, as for a killed story. */
    public static final ArchiveComparison NONE = new ArchiveComparison(List.of(), List.of());

    public ArchiveComparison {
        related = List.copyOf(related);
        keywords = List.copyOf(keywords);
    }
}
