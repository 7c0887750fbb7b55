package org.newsroom.publish.article;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.publish.web.ApiDocumentation;
import org.newsroom.publish.web.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The query API of the read model: one article by its public id, and article lists newest first,
 * paged by an opaque {@code before} cursor, optionally filtered like the live stream. Withdrawn
 * articles are not listed; by id they answer with their withdrawn version, so a link to a killed
 * story says what happened to it.
 */
@RestController
@Tag(name = "articles")
class ArticleController {

    static final int DEFAULT_LIMIT = 20;

    static final int MAX_LIMIT = 100;

    private static final String ENTITY = "only articles naming this entity, a Wikidata id or a name; repeatable, any of them";

    private static final String LANG = "only articles in this language; repeatable";

    private static final String TYPE = "only articles with an entity of this type (PERSON, ORGANIZATION, LOCATION, MISC)";

    private static final String BEFORE = "the `next` cursor of the previous page";

    private static final String LIMIT = "page size, 1 to 100";

    private final ArticleStore store;

    ArticleController(ArticleStore store) {
        this.store = store;
    }

    @GetMapping("/v1/articles/{id}")
    @Operation(operationId = "article", summary = "One article by its public id; a killed one as withdrawn")
    @ApiResponse(responseCode = "200", description = "The stored version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ArticleView.class)))
    @ApiResponse(responseCode = "404", description = "No article has this id", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    Mono<ArticleView> article(@Parameter(description = "the article id, as in the stream and the push's answer")
            @PathVariable String id) {
        return store.findById(id).switchIfEmpty(Mono.error(() -> new ArticleNotFoundException(id)));
    }

    @GetMapping("/v1/articles")
    @Operation(operationId = "articles", summary = "Articles newest first, filtered like the stream")
    @ArticlePageResponses
    Mono<ArticlePage> articles(
            @Parameter(description = ENTITY) @RequestParam(required = false) @Nullable List<String> entity,
            @Parameter(description = LANG) @RequestParam(required = false) @Nullable List<String> lang,
            @Parameter(description = TYPE) @RequestParam(required = false) @Nullable List<String> type,
            @Parameter(description = BEFORE) @RequestParam(required = false) @Nullable String before,
            @Parameter(description = LIMIT, schema = @Schema(type = "integer", minimum = "1", maximum = "100",
                    defaultValue = "20")) @RequestParam(required = false) @Nullable String limit) {
        return page(orEmpty(entity), lang, type, before, limit);
    }

    /** The articles about one entity, by its Wikidata id or its name; more entities may be added as {@code entity}. */
    @GetMapping("/v1/entities/{entity}/articles")
    @Operation(operationId = "entityArticles", summary = "The articles about one entity, newest first")
    @ArticlePageResponses
    Mono<ArticlePage> entityArticles(
            @Parameter(description = "a Wikidata id or a name") @PathVariable("entity") String pageEntity,
            @Parameter(description = ENTITY) @RequestParam(required = false) @Nullable List<String> entity,
            @Parameter(description = LANG) @RequestParam(required = false) @Nullable List<String> lang,
            @Parameter(description = TYPE) @RequestParam(required = false) @Nullable List<String> type,
            @Parameter(description = BEFORE) @RequestParam(required = false) @Nullable String before,
            @Parameter(description = LIMIT, schema = @Schema(type = "integer", minimum = "1", maximum = "100",
                    defaultValue = "20")) @RequestParam(required = false) @Nullable String limit) {
        if (pageEntity.isBlank()) {
            throw new InvalidParameterException("entity", "The entity must be a Wikidata id or a name.");
        }
        List<String> entities = new ArrayList<>(orEmpty(entity));
        entities.add(pageEntity);
        return page(entities, lang, type, before, limit);
    }

    /** Checks every parameter before the query, so bad input is a 400 naming it. */
    private Mono<ArticlePage> page(List<String> entities, @Nullable List<String> lang, @Nullable List<String> type,
            @Nullable String before, @Nullable String limit) {
        ArticleFilter filter = ArticleFilter.of(entities, orEmpty(lang), orEmpty(type));
        PageCursor cursor = before == null || before.isBlank() ? null : PageCursor.decode(before, "before");
        return store.page(filter, cursor, limitOf(limit));
    }

    private static int limitOf(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        }
        catch (NumberFormatException e) {
            // answered below like any other value out of range
        }
        throw new InvalidParameterException("limit",
                "'" + limit + "' is not a page size; expected a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }
}
