package org.newsroom.ingest.story;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with one request field, as listed in the {@code errors} member of a problem response.
 *
 * @param field the name of the field in the partner's format (the JSON name for native JSON and
 *        ninjs, the element name for RSS and Atom, the header name for plain text)
 * @param message what is wrong, phrased to follow the field name
 * @param pointer where in a structured document the field failed, as an RFC 6901 JSON pointer such
 *        as {@code /headlines/0/value}; given for ninjs, where a field name alone is ambiguous
 *        because one story field may come from any element of an array. Absent (and not
 *        serialized) where the field name says it all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(String field, String message, @Nullable String pointer) {

    public FieldViolation(String field, String message) {
        this(field, message, null);
    }

    /** The same problem, located in a partner's document. */
    public FieldViolation locatedAt(String documentField, @Nullable String documentPointer) {
        return new FieldViolation(documentField, message, documentPointer);
    }

    public String describe() {
        return (pointer == null ? field : pointer) + " " + message;
    }
}
