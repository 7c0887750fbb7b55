package org.newsroom.ingest.story;

import java.util.List;
import java.util.stream.Collectors;

/** A story that a partner must fix before sending it again. */
public class StoryRejectedException extends RuntimeException {

    private final List<FieldViolation> violations;

    public StoryRejectedException(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::describe).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
