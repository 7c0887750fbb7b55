package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;
import org.newsroom.enrich.aliases.AliasTable;

/**
 * Adds mentions of known names that the statistical model missed, such as a studio called "A24"
 * whose digits the CRF never saw as part of a name. Only aliases marked for scanning are searched
 * (names that are not also ordinary words), case-sensitively and on word boundaries, longest first.
 * Text already covered by a mention is left to the model, except where the model found only part
 * of a longer known name: "Google" of "Google DeepMind" (the 3-class CRF's habit) gives way to the
 * whole name, so that the parent company does not become an entity of its own.
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
        List<RecognizedMention> added = new ArrayList<>();
        addMatches(TextField.HEADLINE, headline, mentions, added);
        addMatches(TextField.BODY, body, mentions, added);
        if (added.isEmpty()) {
            return mentions;
        }
        // The matches do not overlap one another: the one starting last at or before a mention is the only one that can hold it.
        Map<TextField, TreeMap<Integer, Integer>> matched = new EnumMap<>(TextField.class);
        for (RecognizedMention match : added) {
            matched.computeIfAbsent(match.mention().field(), field -> new TreeMap<>())
                    .put(match.mention().start(), match.mention().end());
        }
        List<RecognizedMention> refined = new ArrayList<>(mentions.size() + added.size());
        for (RecognizedMention recognized : mentions) {
            TreeMap<Integer, Integer> spans = matched.get(recognized.mention().field());
            Map.Entry<Integer, Integer> holder = spans == null ? null : spans.floorEntry(recognized.mention().start());
            if (holder == null || holder.getValue() < recognized.mention().end()) {
                refined.add(recognized);
            }
        }
        refined.addAll(added);
        refined.sort(TEXT_ORDER);
        return refined;
    }

    /**
     * The covered text of a field is kept as start → end of non-overlapping mentions, so that each
     * match is checked against its neighbours only: a long body has tens of thousands of mentions.
     */
    private void addMatches(TextField field, String text, List<RecognizedMention> found,
            List<RecognizedMention> added) {
        TreeMap<Integer, Integer> covered = new TreeMap<>();
        for (RecognizedMention recognized : found) {
            if (recognized.mention().field() == field) {
                covered.merge(recognized.mention().start(), recognized.mention().end(), Math::max);
            }
        }
        for (AliasTable.ScanAlias scan : aliases.scanAliases()) {
            String alias = scan.alias();
            for (int at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + 1)) {
                int end = at + alias.length();
                if (isWordBoundary(text, at - 1) && isWordBoundary(text, end)
                        && (!overlaps(covered, at, end) || holdsOnlyShorterSpans(covered, at, end))) {
                    added.add(new RecognizedMention(new Mention(field, at, end, alias), scan.entity().type(),
                            GAZETTEER_CONFIDENCE));
                    covered.subMap(at, end).clear();
                    covered.put(at, end);
                }
            }
        }
    }

    /** Whether [start, end) overlaps a covered span: the one starting last before end must end after start. */
    private static boolean overlaps(TreeMap<Integer, Integer> covered, int start, int end) {
        Map.Entry<Integer, Integer> before = covered.lowerEntry(end);
        return before != null && before.getValue() > start;
    }

    /**
     * Whether every covered span that [start, end) overlaps lies inside it and is shorter: the
     * model found part of the name, not a different name across its edge.
     */
    private static boolean holdsOnlyShorterSpans(TreeMap<Integer, Integer> covered, int start, int end) {
        Map.Entry<Integer, Integer> before = covered.lowerEntry(start);
        if (before != null && before.getValue() > start) {
            return false;
        }
        for (Map.Entry<Integer, Integer> inside : covered.subMap(start, end).entrySet()) {
            if (inside.getValue() > end || inside.getValue() - inside.getKey() == end - start) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
