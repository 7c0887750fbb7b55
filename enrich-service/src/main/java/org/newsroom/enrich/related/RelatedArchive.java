package org.newsroom.enrich.related;

import java.util.List;
import java.util.Optional;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.RelatedLink;
import org.newsroom.enrich.terms.ArticleTerms;
import org.newsroom.enrich.terms.Keywords;

/**
 * The archive of earlier articles as the enrichment sees it: a place to look up related stories
 * and to learn which words are common. How the archive is filled (from Kafka) is none of the
 * enrichment's business.
 */
public interface RelatedArchive {

    /**
     * An archive that knows no articles, for a service or test without one: no related articles,
     * and keywords by frequency alone, since no word is known to be common.
     */
    RelatedArchive NONE = new RelatedArchive() {
        @Override
        public ArchiveComparison compare(ArticleEvent article, List<Entity> entities) {
            return new ArchiveComparison(List.of(), Keywords.of(ArticleTerms.of(article, entities), term -> 1.0));
        }

        @Override
        public Optional<RelatedLink> earlierWithHeadline(ArticleEvent article, String headline) {
            return Optional.empty();
        }
    };

    /**
     * The article against the archive: the most related articles first created before it, each
     * with a score in [0, 1] and a reason naming what they share; and its keywords, weighed by how
     * rare each term is in the archive.
     *
     * @param entities the article's entities, whose links and salience weigh shared entities and
     *        whose mentions are not keywords
     */
    ArchiveComparison compare(ArticleEvent article, List<Entity> entities);

    /** The latest article created before the given one whose headline is the given title. */
    Optional<RelatedLink> earlierWithHeadline(ArticleEvent article, String headline);
}
