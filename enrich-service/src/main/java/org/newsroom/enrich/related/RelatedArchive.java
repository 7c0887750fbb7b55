package org.newsroom.enrich.related;

import java.util.List;
import java.util.Optional;

import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.RelatedLink;

/**
 * The archive of earlier articles as the enrichment sees it: a place to look up related stories.
 * How the archive is filled (from Kafka) is none of the enrichment's business.
 */
public interface RelatedArchive {

    /** An archive that knows no articles, for a service or test without one. */
    RelatedArchive NONE = new RelatedArchive() {
        @Override
        public List<RelatedLink> earlierRelated(ArticleEvent article, List<Entity> entities) {
            return List.of();
        }

        @Override
        public Optional<RelatedLink> earlierWithHeadline(ArticleEvent article, String headline) {
            return Optional.empty();
        }
    };

    /**
     * The most related articles first created before the given one, most related first, each with
     * a score in [0, 1] and a reason naming what they share.
     *
     * @param entities the article's entities, whose links and salience weigh shared entities
     */
    List<RelatedLink> earlierRelated(ArticleEvent article, List<Entity> entities);

    /** The latest article created before the given one whose headline is the given title. */
    Optional<RelatedLink> earlierWithHeadline(ArticleEvent article, String headline);
}
