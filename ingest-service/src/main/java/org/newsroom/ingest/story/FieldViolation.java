package org.newsroom.ingest.story;

/**
 * One problem with one request field, as listed in the {@code errors} member of a problem response.
 *
 * @param field the JSON name of the field
 * @param message what is wrong, phrased to follow the field name
 */
public record FieldViolation(String field, String message) {

    String describe() {
        return field + " " + message;
    }
}
