package org.newsroom.publish.article;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reads one article of the read model by its public id. */
@RestController
class ArticleController {

    private final ArticleStore store;

    ArticleController(ArticleStore store) {
        this.store = store;
    }

    @GetMapping("/v1/articles/{id}")
    Mono<ArticleView> article(@PathVariable String id) {
        return store.findById(id).switchIfEmpty(Mono.error(() -> new ArticleNotFoundException(id)));
    }
}
