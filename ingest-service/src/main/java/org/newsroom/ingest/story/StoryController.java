package org.newsroom.ingest.story;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** The partners' push endpoint for stories. */
@RestController
class StoryController {

    /**
     * Every story is attributed to this partner until partner authentication exists; the id is
     * passed in here so that authentication only has to change this class.
     */
    static final String UNAUTHENTICATED_PARTNER = "unauthenticated";

    private final StoryIntake intake;

    StoryController(StoryIntake intake) {
        this.intake = intake;
    }

    /** 202 rather than 201: the story is safely queued, but the article does not exist yet. */
    @PostMapping(path = "/v1/stories", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<StoryAccepted> submit(@RequestBody StoryRequest request) {
        return intake.accept(request, UNAUTHENTICATED_PARTNER);
    }
}
