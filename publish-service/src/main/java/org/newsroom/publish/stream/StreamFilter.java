package org.newsroom.publish.stream;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.EntityType;
import org.newsroom.publish.article.ArticleView;
import org.newsroom.publish.article.EntityKeys;

/**
 * What a subscriber wants to see; an empty set does not filter. Applied by the server to catch-up
 * and live events alike. A kill always passes: it carries nothing to match any more, and a client
 * must never keep showing a story that was withdrawn.
 *
 * @param entities entity keys (see {@link EntityKeys}); the article must mention one of them
 * @param languages language tags, lower case; the article must be in one of them
 * @param types entity types; the article must mention an entity of one of them
 */
public record StreamFilter(Set<String> entities, Set<String> languages, Set<EntityType> types) {

    public static final StreamFilter NONE = new StreamFilter(Set.of(), Set.of(), Set.of());

    public StreamFilter {
        entities = Set.copyOf(entities);
        languages = Set.copyOf(languages);
        types = Set.copyOf(types);
    }

    /** Normalises the raw values of the request parameters; an unknown type names {@code type}. */
    public static StreamFilter of(Collection<String> entities, Collection<String> languages,
            Collection<String> types) {
        return new StreamFilter(
                entities.stream().filter(value -> !value.isBlank()).map(EntityKeys::normalize)
                        .collect(Collectors.toSet()),
                languages.stream().filter(value -> !value.isBlank()).map(value -> value.strip()
                        .toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                types.stream().filter(value -> !value.isBlank()).map(StreamFilter::type).collect(Collectors.toSet()));
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
        if (article.action() == ArticleAction.KILLED) {
            return true;
        }
        return (languages.isEmpty()
                || (article.language() != null && languages.contains(article.language().toLowerCase(Locale.ROOT))))
                && (entities.isEmpty() || article.entities().stream()
                        .anyMatch(entity -> EntityKeys.of(entity).stream().anyMatch(entities::contains)))
                && (types.isEmpty() || article.entities().stream().anyMatch(entity -> types.contains(entity.type())));
    }
}
