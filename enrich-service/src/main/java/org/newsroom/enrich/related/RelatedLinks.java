package org.newsroom.enrich.related;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.RelatedLink;

/**
 * All related links of an article, in this order: the partner's read-more hints (the editors'
 * choice), resolved to an archived article where its headline matches; then earlier articles of
 * the archive by relatedness; then URLs in the text. A uri appears once, at its first place.
 *
 * <p>Hints come two ways: as the event's {@code relatedHints} (ingest takes the read-more lines out
 * of the body) and, in events written before that, as read-more lines still in the body. Both are
 * the same kind of link; the event's hints come first, in the partner's order, and a body line
 * whose title is already a hint (ignoring case, spacing and final punctuation) is not repeated.
 */
public final class RelatedLinks {

    private final RelatedArchive archive;

    public RelatedLinks(RelatedArchive archive) {
        this.archive = archive;
    }

    /**
     * @param archiveRelated the related earlier articles the archive found for the article
     */
    public List<RelatedLink> of(ArticleEvent article, List<RelatedLink> archiveRelated) {
        List<RelatedLink> hints = new ArrayList<>();
        article.relatedHints().stream().filter(title -> !title.isBlank())
                .forEach(title -> hints.add(TextRelatedLinks.readMore(title.strip())));
        List<RelatedLink> urls = new ArrayList<>();
        for (RelatedLink link : TextRelatedLinks.in(article.body())) {
            (link.reason().equals(TextRelatedLinks.READ_MORE_REASON) ? hints : urls).add(link);
        }
        List<RelatedLink> links = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (RelatedLink hint : hints) {
            if (titles.add(LuceneArchive.headlineKey(hint.title()))) {
                links.add(archive.earlierWithHeadline(article, hint.title())
                        .map(found -> new RelatedLink(found.uri(), found.title(), hint.score(), hint.reason()))
                        .orElse(hint));
            }
        }
        links.addAll(archiveRelated);
        links.addAll(urls);
        Set<String> seen = new HashSet<>();
        return links.stream().filter(link -> link.uri().isEmpty() || seen.add(link.uri())).toList();
    }
}
