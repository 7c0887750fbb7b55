package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;
import org.newsroom.enrich.aliases.AliasTable;

/**
 * Adds mentions of known names that the statistical model missed, such as a studio called "A24"
 * whose digits the CRF never saw as part of a name. Only aliases marked for scanning are searched
 * (names that are not also ordinary words), case-sensitively and on word boundaries, longest first;
 * text already covered by a mention is left to the model.
 */
public final class AliasGazetteer implements MentionRefinement {

    /**
     * An exact match of a curated name is strong evidence, but not proof: the same string can name
     * something else in context.
     */
    static final double GAZETTEER_CONFIDENCE = 0.9;

    private static final Comparator<RecognizedMention> TEXT_ORDER = Comparator
            .comparing((RecognizedMention recognized) -> recognized.mention().field())
            .thenComparingInt(recognized -> recognized.mention().start());

    private final AliasTable aliases;

    public AliasGazetteer(AliasTable aliases) {
        this.aliases = aliases;
    }

    @Override
    public List<RecognizedMention> refine(String headline, String body, List<RecognizedMention> mentions) {
        List<RecognizedMention> all = new ArrayList<>(mentions);
        addMatches(TextField.HEADLINE, headline, all);
        addMatches(TextField.BODY, body, all);
        if (all.size() > mentions.size()) {
            all.sort(TEXT_ORDER);
        }
        return all;
    }

    private void addMatches(TextField field, String text, List<RecognizedMention> all) {
        for (AliasTable.ScanAlias scan : aliases.scanAliases()) {
            String alias = scan.alias();
            for (int at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + 1)) {
                int end = at + alias.length();
                if (isWordBoundary(text, at - 1) && isWordBoundary(text, end)) {
                    RecognizedMention match = new RecognizedMention(new Mention(field, at, end, alias),
                            scan.entity().type(), GAZETTEER_CONFIDENCE);
                    if (all.stream().noneMatch(match::overlaps)) {
                        all.add(match);
                    }
                }
            }
        }
    }

    private static boolean isWordBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
