package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;

/**
 * Types a named storm ("Storm Ciaran", "Hurricane Delia", "TYPHOON HAIKUI") as one MISC
 * mention, as CoNLL annotates events. The CRF has never seen most storm names, so it reads the
 * capitalised pair as an organisation or takes the name alone for a person. The rule replaces
 * whatever the CRF found inside the pair, except where the pair is part of a longer name it
 * found ("National Hurricane Center"). A title-case or ALL-CAPS headline is capitalised
 * throughout ("Storm Damage Mounts"), so there the pair counts only when the body names the
 * same storm.
 */
public final class NamedStorms implements MentionRefinement {

    private static final Pattern STORM = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(?:Tropical|Super|TROPICAL|SUPER) )?(?:Storm|Hurricane|Typhoon|Cyclone|STORM|HURRICANE|TYPHOON|CYCLONE)"
                    + " (\\p{Lu}[\\p{L}'’-]*)(?![\\p{L}\\p{N}])");
    /** Capitalised words after a storm word that make an institution or a thing, not a storm's name. */
    private static final Set<String> NOT_A_NAME = Set.of("center", "centre", "season", "warning", "watch",
            "hunters", "prediction", "service", "tracker", "office", "agency", "committee", "team", "force");
    /** Below the CRF's usual certainty: a rule over surface form, right for the type, unsure of the span. */
    static final double CONFIDENCE = 0.9;

    @Override
    public List<RecognizedMention> refine(String headline, String body, List<RecognizedMention> mentions) {
        List<Mention> storms = new ArrayList<>(find(TextField.BODY, body));
        String bodyFolded = body.toLowerCase(Locale.ROOT);
        for (Mention storm : find(TextField.HEADLINE, headline)) {
            if (!TitleCaseHeadlineFilter.isTitleCase(headline)
                    || bodyFolded.contains(storm.text().toLowerCase(Locale.ROOT))) {
                storms.add(storm);
            }
        }
        if (storms.isEmpty()) {
            return mentions;
        }
        List<RecognizedMention> refined = new ArrayList<>();
        List<RecognizedMention> added = new ArrayList<>();
        for (Mention storm : storms) {
            RecognizedMention stormMention = new RecognizedMention(storm, EntityType.MISC, CONFIDENCE);
            if (mentions.stream().noneMatch(found -> extendsBeyond(found, stormMention))) {
                added.add(stormMention);
            }
        }
        for (RecognizedMention found : mentions) {
            if (added.stream().noneMatch(found::overlaps)) {
                refined.add(found);
            }
        }
        refined.addAll(added);
        return refined;
    }

    private static List<Mention> find(TextField field, String text) {
        List<Mention> storms = new ArrayList<>();
        Matcher matcher = STORM.matcher(text);
        while (matcher.find()) {
            if (!NOT_A_NAME.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
                storms.add(new Mention(field, matcher.start(), matcher.end(), matcher.group()));
            }
        }
        return storms;
    }

    /** Whether the recognizer's mention holds the storm and reaches past it: the storm word belongs to a longer name. */
    private static boolean extendsBeyond(RecognizedMention found, RecognizedMention storm) {
        Mention outer = found.mention();
        Mention inner = storm.mention();
        return outer.field() == inner.field() && outer.start() <= inner.start() && outer.end() >= inner.end()
                && (outer.start() < inner.start() || outer.end() > inner.end());
    }
}
