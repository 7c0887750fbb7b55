package org.newsroom.enrich.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a sentence's NER tags into entity chunks, for both CoNLL encodings at once.
 *
 * <p>In IOB2 every chunk starts with {@code B-}; in IOB1 (the original CoNLL-2003 files) a chunk
 * starts with {@code I-} and {@code B-} only separates two adjacent chunks of the same class. Both
 * are read with one rule: a chunk starts at {@code B-X}, and at {@code I-X} unless the previous
 * token is inside a chunk of class X; {@code I-X} after a token of class X continues it.
 */
public final class IobTags {

    private IobTags() {
    }

    /** The chunks of one sentence's tags, in order. */
    public static List<Chunk> chunks(List<String> tags) {
        List<Chunk> chunks = new ArrayList<>();
        int start = -1;
        @Nullable String type = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            boolean outside = tag.equals("O");
            @Nullable String tagType = outside ? null : classOf(tag);
            boolean continues = tagType != null && tag.startsWith("I-") && tagType.equals(type);
            if (type != null && !continues) {
                chunks.add(new Chunk(start, i, type));
                type = null;
            }
            if (tagType != null && !continues) {
                start = i;
                type = tagType;
            }
        }
        return chunks;
    }

    private static String classOf(String tag) {
        if (tag.length() < 3 || tag.charAt(1) != '-' || (tag.charAt(0) != 'B' && tag.charAt(0) != 'I')) {
            throw new IllegalArgumentException("not an IOB tag: " + tag);
        }
        return tag.substring(2);
    }

    /**
     * A chunk of tokens.
     *
     * @param from index of the first token
     * @param to index just past the last token
     * @param type the class, such as PER
     */
    public record Chunk(int from, int to, String type) {
    }
}
