package org.newsroom.enrich.entities;

import java.util.List;
import java.util.regex.Pattern;

import org.newsroom.contract.EntityType;
import org.newsroom.enrich.aliases.AliasTable;

/**
 * Drops places the CRF invents from two-letter capitalised abbreviations: its LOCATION class
 * has learned that such tokens are often country codes, and so tags "AI" or "TV" as places. A
 * two-letter place the alias table knows ("US", "UK") is kept.
 */
public final class JunkMentionFilter implements MentionRefinement {

    private static final Pattern TWO_CAPITALS = Pattern.compile("\\p{Lu}{2}");

    private final AliasTable aliases;

    public JunkMentionFilter(AliasTable aliases) {
        this.aliases = aliases;
    }

    @Override
    public List<RecognizedMention> refine(String headline, String body, List<RecognizedMention> mentions) {
        return mentions.stream().filter(recognized -> !isJunk(recognized)).toList();
    }

    private boolean isJunk(RecognizedMention recognized) {
        String text = recognized.mention().text();
        return recognized.type() == EntityType.LOCATION && TWO_CAPITALS.matcher(text).matches()
                && aliases.lookup(text).filter(known -> known.type() == EntityType.LOCATION).isEmpty();
    }
}
