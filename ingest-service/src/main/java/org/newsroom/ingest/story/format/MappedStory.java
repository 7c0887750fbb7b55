package org.newsroom.ingest.story.format;

import java.util.ArrayList;
import java.util.List;
import org.newsroom.ingest.story.FieldViolation;
import org.newsroom.ingest.story.StoryRejectedException;
import org.newsroom.ingest.story.StoryRequest;
import org.newsroom.ingest.story.StoryTooLargeException;
import org.newsroom.ingest.story.StoryValidator;

/**
 * A story read from a partner format that is not our own (ninjs, RSS, Atom): the native request it
 * maps to, and where each of its fields came from.
 */
public record MappedStory(StoryRequest request, FieldLocations locations) {

    /**
     * The mapped story, or every problem with it at once: what the format itself got wrong (a wrong
     * type, an unknown enum value, an unparsable date) together with what the story validator finds
     * in the mapped fields, so that a partner fixes everything in one round trip. A field the format
     * check already faulted (the same pointer, one inside the other, or the same field where there
     * are no pointers) is not reported twice.
     *
     * @throws StoryTooLargeException if the body is too long, whatever else is wrong
     * @throws StoryRejectedException if anything is wrong
     */
    public static MappedStory checked(StoryRequest request, FieldLocations locations, List<FieldViolation> formatViolations,
            StoryValidator validator) {
        if (formatViolations.isEmpty()) {
            return new MappedStory(request, locations);
        }
        List<FieldViolation> all = new ArrayList<>(formatViolations);
        try {
            validator.validate(request);
        }
        catch (StoryTooLargeException tooLarge) {
            throw (StoryTooLargeException) locations.locate(tooLarge);
        }
        catch (StoryRejectedException rejected) {
            for (FieldViolation violation : locations.locate(rejected.violations())) {
                if (formatViolations.stream().noneMatch(format -> sameField(format, violation))) {
                    all.add(violation);
                }
            }
        }
        throw new StoryRejectedException(all);
    }

    private static boolean sameField(FieldViolation format, FieldViolation story) {
        if (format.pointer() == null || story.pointer() == null) {
            return format.field().equals(story.field());
        }
        return within(format.pointer(), story.pointer()) || within(story.pointer(), format.pointer());
    }

    private static boolean within(String pointer, String outer) {
        return pointer.equals(outer) || pointer.startsWith(outer + "/");
    }
}
