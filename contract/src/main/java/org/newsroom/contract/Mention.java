package org.newsroom.contract;

/**
 * One occurrence of an entity in the article text.
 *
 * @param field the text the offsets refer to
 * @param start offset of the first character, in UTF-16 code units of that field
 * @param end offset just past the last character
 * @param text the mentioned text, equal to {@code field.substring(start, end)}
 */
public record Mention(TextField field, int start, int end, String text) {
}
