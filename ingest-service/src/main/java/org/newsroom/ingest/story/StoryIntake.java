package org.newsroom.ingest.story;

import java.time.Clock;
import java.util.UUID;

import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.article.ArticlePublisher;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Accepts a story: validate, normalize, write to the article log, and only then confirm. */
@Service
public class StoryIntake {

    private final StoryValidator validator;

    private final ArticlePublisher publisher;

    private final Clock clock;

    public StoryIntake(IngestProperties properties, ArticlePublisher publisher, Clock clock) {
        this.validator = new StoryValidator(properties.maxBodyChars());
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * @param partnerId the partner on whose behalf the story is accepted
     * @return the confirmation, emitted only after the article log stored the event; fails with
     *         {@link StoryRejectedException} before anything is written if the story is invalid
     */
    public Mono<StoryAccepted> accept(StoryRequest request, String partnerId) {
        return Mono.fromCallable(() -> validator.validate(request))
                .map(story -> story.toArticleEvent(UUID.randomUUID().toString(), partnerId, clock.instant()))
                .flatMap(event -> publisher.publish(event).thenReturn(StoryAccepted.of(event)));
    }
}
