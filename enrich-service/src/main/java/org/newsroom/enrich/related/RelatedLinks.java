package org.newsroom.enrich.related;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.RelatedLink;

/**
 * All related links of an article, in this order: the partner's read-more hints (the editors'
 * choice), resolved to an archived article where its headline matches; then earlier articles of
 * the archive by relatedness; then URLs in the text. A uri appears once, at its first place.
 */
public final class RelatedLinks {

    private final RelatedArchive archive;

    public RelatedLinks(RelatedArchive archive) {
        this.archive = archive;
    }

    public List<RelatedLink> of(ArticleEvent article, List<Entity> entities) {
        List<RelatedLink> links = new ArrayList<>();
        List<RelatedLink> urls = new ArrayList<>();
        for (RelatedLink link : TextRelatedLinks.in(article.body())) {
            if (link.reason().equals(TextRelatedLinks.READ_MORE_REASON)) {
                links.add(archive.earlierWithHeadline(article, link.title())
                        .map(found -> new RelatedLink(found.uri(), found.title(), link.score(), link.reason()))
                        .orElse(link));
            }
            else {
                urls.add(link);
            }
        }
        links.addAll(archive.earlierRelated(article, entities));
        links.addAll(urls);
        Set<String> seen = new HashSet<>();
        return links.stream().filter(link -> link.uri().isEmpty() || seen.add(link.uri())).toList();
    }
}
