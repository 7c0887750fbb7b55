package org.newsroom.ingest.story.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.newsroom.ingest.story.FieldViolation;

import tools.jackson.databind.JsonNode;

/**
 * The structure checks of a ninjs item: types and enums that the ninjs 2.x schema constrains, over
 * the members the reader maps or the schema constrains, collecting every violation with its JSON
 * pointer so that a partner fixes an item in one round trip.
 */
final class NinjsStructure {

    /**
     * One headline or body: {@code {role, contenttype, value}}.
     *
     * @param contentType the media type without parameters, lower case
     */
    record Part(int index, @Nullable String role, @Nullable String contentType, @Nullable String value) {

        boolean isMain() {
            return "main".equalsIgnoreCase(role);
        }
    }

    private final JsonNode item;

    private final List<FieldViolation> violations = new ArrayList<>();

    NinjsStructure(JsonNode item) {
        this.item = item;
    }

    /** A top-level member as it is, for the reader's own checks. */
    @Nullable JsonNode member(String name) {
        return item.get(name);
    }

    /** Every violation found so far, in the order the checks ran. */
    List<FieldViolation> violations() {
        return violations;
    }

    void violation(String field, String pointer, String message) {
        violations.add(new FieldViolation(field, message, pointer));
    }

    /** A top-level string member; absent or {@code null} is absent. */
    @Nullable String string(String name) {
        return string(item, name, name, "/" + name);
    }

    private @Nullable String string(JsonNode parent, String name, String field, String pointer) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            violation(field, pointer, "must be a string");
            return null;
        }
        return value.stringValue();
    }

    @Nullable String oneOf(String name, Set<String> allowed) {
        String value = string(name);
        if (value != null && !allowed.contains(value)) {
            violation(name, "/" + name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return value;
    }

    void integer(String name, int min, int max) {
        integer(item, name, name, "/" + name, min, max);
    }

    private void integer(JsonNode parent, String name, String field, String pointer, int min, int max) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return;
        }
        boolean inRange = value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= min
                && value.longValue() <= max;
        if (!inRange) {
            violation(field, pointer, "must be an integer from " + min + " to " + max);
        }
    }

    /** An RFC 3339 date-time, as the ninjs schema's {@code format: date-time} requires. */
    @Nullable Instant dateTime(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
        catch (DateTimeParseException e) {
            violation(name, "/" + name, "must be an RFC 3339 date-time such as 2026-01-02T03:04:05Z");
            return null;
        }
    }

    private @Nullable JsonNode array(String name) {
        JsonNode value = item.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            violation(name, "/" + name, "must be an array");
            return null;
        }
        return value;
    }

    /** Headlines or bodies: objects with a required string {@code value}. */
    List<Part> parts(String name, List<String> numbers) {
        JsonNode array = array(name);
        List<Part> parts = new ArrayList<>();
        if (array == null) {
            return parts;
        }
        for (int i = 0; i < array.size(); i++) {
            String pointer = "/" + name + "/" + i;
            JsonNode part = array.get(i);
            if (!part.isObject()) {
                violation(name, pointer, "must be an object");
                continue;
            }
            String role = string(part, "role", name, pointer + "/role");
            String contentType = string(part, "contenttype", name, pointer + "/contenttype");
            String value = string(part, "value", name, pointer + "/value");
            if (part.get("value") == null || part.get("value").isNull()) {
                violation(name, pointer + "/value", "is required");
            }
            for (String number : numbers) {
                JsonNode count = part.get(number);
                if (count != null && !count.isNull() && !count.isNumber()) {
                    violation(name, pointer + "/" + number, "must be a number");
                }
            }
            parts.add(new Part(i, role, contentType == null ? null : mediaType(contentType), value));
        }
        return parts;
    }

    /**
     * An array of objects whose members {@code strings} must be strings, {@code integers}
     * integers within bounds, and {@code required} present.
     */
    List<Map<String, String>> objects(String name, List<String> strings, Map<String, int[]> integers,
            List<String> required) {
        JsonNode array = array(name);
        List<Map<String, String>> objects = new ArrayList<>();
        if (array == null) {
            return objects;
        }
        for (int i = 0; i < array.size(); i++) {
            String pointer = "/" + name + "/" + i;
            JsonNode object = array.get(i);
            if (!object.isObject()) {
                violation(name, pointer, "must be an object");
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (String member : strings) {
                String value = string(object, member, name, pointer + "/" + member);
                if (value != null) {
                    values.put(member, value);
                }
            }
            integers.forEach((member, bounds) -> integer(object, member, name, pointer + "/" + member, bounds[0],
                    bounds[1]));
            for (String member : required) {
                if (object.get(member) == null || object.get(member).isNull()) {
                    violation(name, pointer + "/" + member, "is required");
                }
            }
            objects.add(values);
        }
        return objects;
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }
}
