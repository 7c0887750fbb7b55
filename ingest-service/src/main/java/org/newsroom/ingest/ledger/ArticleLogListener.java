package org.newsroom.ingest.ledger;

import org.jspecify.annotations.Nullable;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Topic;
import org.newsroom.contract.Topics;
import org.newsroom.ingest.state.FollowedTopic;
import org.springframework.stereotype.Component;

/** Feeds {@link Topics#ARTICLES} into the {@link ArticleLedger}: every event, and every tombstone. */
@Component
class ArticleLogListener implements FollowedTopic<ArticleEvent> {

    private final ArticleLedger ledger;

    ArticleLogListener(ArticleLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Topic<String, ArticleEvent> topic() {
        return Topics.ARTICLES;
    }

    @Override
    public void apply(String key, @Nullable ArticleEvent event) {
        if (event == null) {
            ledger.forget(key);
        }
        else {
            ledger.observe(event);
        }
    }

    @Override
    public void caughtUp() {
        ledger.markCaughtUp();
    }
}
