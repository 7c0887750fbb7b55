package org.newsroom.publish.article;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.newsroom.contract.EntityType;
import org.newsroom.publish.web.InvalidParameterException;

/**
 * Which articles a client asks for, by the {@code entity}, {@code lang} and {@code type} parameters
 * of the query API and of the live stream; an empty set does not filter. One definition for both,
 * so that a page and the stream it continues with show the same articles.
 *
 * @param entities entity keys (see {@link EntityKeys}); the article must mention one of them
 * @param languages language tags, lower case; the article must be in one of them
 * @param types entity types; the article must mention an entity of one of them
 */
public record ArticleFilter(Set<String> entities, Set<String> languages, Set<EntityType> types) {

    public static final ArticleFilter NONE = new ArticleFilter(Set.of(), Set.of(), Set.of());

    public ArticleFilter {
        entities = Set.copyOf(entities);
        languages = Set.copyOf(languages);
        types = Set.copyOf(types);
    }

    /** Normalises the raw values of the request parameters; an unknown type names {@code type}. */
    public static ArticleFilter of(Collection<String> entities, Collection<String> languages,
            Collection<String> types) {
        return new ArticleFilter(
                entities.stream().filter(value -> !value.isBlank()).map(EntityKeys::normalize)
                        .collect(Collectors.toSet()),
                languages.stream().filter(value -> !value.isBlank()).map(ArticleFilter::languageKey)
                        .collect(Collectors.toSet()),
                types.stream().filter(value -> !value.isBlank()).map(ArticleFilter::type).collect(Collectors.toSet()));
    }

    /** Language tags compare case-insensitively ({@code en-GB} is {@code en-gb}). */
    static @Nullable String languageKey(@Nullable String language) {
        return language == null ? null : language.strip().toLowerCase(Locale.ROOT);
    }

    private static EntityType type(String value) {
        try {
            return EntityType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidParameterException("type",
                    "Unknown entity type '" + value + "'; expected one of PERSON, ORGANIZATION, LOCATION, MISC.");
        }
    }

    public boolean matches(ArticleView article) {
        String language = languageKey(article.language());
        return (languages.isEmpty() || (language != null && languages.contains(language)))
                && (entities.isEmpty() || article.entities().stream()
                        .anyMatch(entity -> EntityKeys.of(entity).stream().anyMatch(entities::contains)))
                && (types.isEmpty() || article.entities().stream().anyMatch(entity -> types.contains(entity.type())));
    }

    /** The same conditions as a query on the {@code articles} collection, none when nothing filters. */
    List<Bson> toQuery() {
        List<Bson> conditions = new ArrayList<>(3);
        if (!entities.isEmpty()) {
            conditions.add(in(ArticleDocument.ENTITY_KEYS, entities));
        }
        if (!languages.isEmpty()) {
            conditions.add(in(ArticleDocument.LANGUAGE_KEY, languages));
        }
        if (!types.isEmpty()) {
            conditions.add(in(ArticleDocument.ENTITY_TYPES, types.stream().map(Enum::name).toList()));
        }
        return conditions;
    }
}
