package org.newsroom.ingest.story.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.newsroom.ingest.story.FieldViolation;
import org.newsroom.ingest.story.StoryRejectedException;
import org.newsroom.ingest.story.StoryTooLargeException;

/**
 * Where each story field came from in a partner's own format, so that a rejection names the field
 * the partner wrote ({@code /headlines/1/value}, {@code pubDate}) rather than our native name
 * ({@code headline}), which the partner never saw. Fields without a location keep their name.
 */
public final class FieldLocations {

    /** @param pointer the RFC 6901 pointer, for JSON formats only */
    public record Location(String field, @Nullable String pointer) {
    }

    private final Map<String, Location> byStoryField = new LinkedHashMap<>();

    /** Records that the native field {@code storyField} is read from {@code field} at {@code pointer}. */
    public FieldLocations put(String storyField, String field, @Nullable String pointer) {
        byStoryField.put(storyField, new Location(field, pointer));
        return this;
    }

    public FieldViolation locate(FieldViolation violation) {
        Location location = byStoryField.get(violation.field());
        return location == null ? violation : violation.locatedAt(location.field(), location.pointer());
    }

    public List<FieldViolation> locate(List<FieldViolation> violations) {
        return violations.stream().map(this::locate).toList();
    }

    /** The same failure with its violations located; any other failure unchanged. */
    public Throwable locate(Throwable failure) {
        if (failure instanceof StoryTooLargeException tooLarge) {
            return new StoryTooLargeException(locate(tooLarge.violations().get(0)));
        }
        if (failure instanceof StoryRejectedException rejected) {
            return new StoryRejectedException(locate(rejected.violations()));
        }
        return failure;
    }
}
