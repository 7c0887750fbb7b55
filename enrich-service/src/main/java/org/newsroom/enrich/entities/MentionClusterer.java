package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.enrich.aliases.KnownEntity;

/**
 * Groups mentions into entities in two passes.
 *
 * <p><b>Same text.</b> Mentions with the same text (ignoring case and whitespace) are one entity,
 * whatever types the recognizer gave them: the CRF decides per sentence, so one name in an
 * appositive ("Google DeepMind, the AI research laboratory") can come out as a PERSON while its
 * other mentions are ORGANIZATION. The type is voted: each mention votes with its confidence times
 * {@link #typeWeight}, and the alias table's type, if the name is known, adds
 * {@link #KNOWN_TYPE_VOTE}. ORGANIZATION and PERSON weigh more than LOCATION and MISC because the
 * CRF's typical mistakes on names of companies and people are falling back to a place or MISC.
 *
 * <p><b>Short forms.</b> A shorter entity whose tokens are a prefix or suffix of exactly one longer
 * entity of compatible type joins it ("DeepMind" → "Google DeepMind", "Merkel" → "Angela
 * Merkel"), unless the alias table knows both as different entities ("Google" is not "Google
 * DeepMind"). Types are compatible when equal, when one is MISC, or for ORGANIZATION and PERSON,
 * which the CRF confuses most. The merged entity keeps the longer one's type.
 *
 * <p>The confidence of an entity is the mean over its mentions of the probability that the mention
 * is an entity of the entity's type: a mention of that type counts its own confidence; a mention
 * the recognizer gave another type with confidence {@code c} counts {@code 1 - c}, the most its
 * label leaves to any other type. A mean rather than a noisy-or: the mentions of one name are not
 * independent evidence (the model errs the same way on the same words), so repeating a name must
 * not make it look certain, and an entity found only by the gazetteer keeps exactly the
 * gazetteer's fixed confidence however often it occurs.
 */
public final class MentionClusterer {

    static final double KNOWN_TYPE_VOTE = 2.0;

    /** Compiled once: names are normalized several times per mention. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Comparator<Mention> TEXT_ORDER =
            Comparator.comparing(Mention::field).thenComparingInt(Mention::start);

    private final Function<String, Optional<KnownEntity>> knownEntities;

    /** @param knownEntities looks a name up in the alias table */
    public MentionClusterer(Function<String, Optional<KnownEntity>> knownEntities) {
        this.knownEntities = knownEntities;
    }

    /** The entities of the given mentions, in order of their first mention; names are the most frequent longest form. */
    public List<EntityCluster> cluster(List<RecognizedMention> mentions) {
        List<Group> groups = groupBySameText(mentions);
        mergeShortForms(groups);
        return groups.stream().map(Group::toCluster)
                .sorted(Comparator.comparing(cluster -> cluster.mentions().get(0), TEXT_ORDER))
                .toList();
    }

    static double typeWeight(EntityType type) {
        return switch (type) {
            case ORGANIZATION, PERSON -> 1.25;
            case LOCATION -> 1.0;
            case MISC -> 0.5;
        };
    }

    private List<Group> groupBySameText(List<RecognizedMention> mentions) {
        Map<String, List<RecognizedMention>> byText = new LinkedHashMap<>();
        mentions.stream()
                .sorted(Comparator.comparing(RecognizedMention::mention, TEXT_ORDER))
                .forEach(recognized -> byText.computeIfAbsent(normalize(recognized.mention().text()),
                        text -> new ArrayList<>()).add(recognized));
        List<Group> groups = new ArrayList<>();
        byText.forEach((text, members) -> {
            Optional<KnownEntity> known = knownEntities.apply(text);
            groups.add(new Group(tokens(text), known, votedType(members, known), new ArrayList<>(members)));
        });
        return groups;
    }

    private static EntityType votedType(List<RecognizedMention> members, Optional<KnownEntity> known) {
        Map<EntityType, Double> votes = new EnumMap<>(EntityType.class);
        for (RecognizedMention member : members) {
            votes.merge(member.type(), member.confidence() * typeWeight(member.type()), Double::sum);
        }
        known.ifPresent(entity -> votes.merge(entity.type(), KNOWN_TYPE_VOTE, Double::sum));
        return votes.entrySet().stream()
                .max(Map.Entry.<EntityType, Double>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow()
                .getKey();
    }

    private static void mergeShortForms(List<Group> groups) {
        List<Group> shortestFirst = new ArrayList<>(groups);
        shortestFirst.sort(Comparator.comparingInt(group -> group.tokens.length));
        for (Group shorter : shortestFirst) {
            List<Group> longer = groups.stream()
                    .filter(candidate -> candidate.tokens.length > shorter.tokens.length)
                    .filter(candidate -> isPrefixOrSuffix(shorter.tokens, candidate.tokens))
                    .filter(candidate -> compatible(shorter.type, candidate.type))
                    .filter(candidate -> !knownAsDifferent(shorter, candidate))
                    .toList();
            if (longer.size() == 1) {
                longer.get(0).members.addAll(shorter.members);
                groups.remove(shorter);
            }
        }
    }

    private static boolean isPrefixOrSuffix(String[] shorter, String[] longer) {
        return Arrays.equals(shorter, Arrays.copyOfRange(longer, 0, shorter.length))
                || Arrays.equals(shorter, Arrays.copyOfRange(longer, longer.length - shorter.length, longer.length));
    }

    private static boolean compatible(EntityType shorter, EntityType longer) {
        return shorter == longer || shorter == EntityType.MISC || longer == EntityType.MISC
                || (isOrganizationOrPerson(shorter) && isOrganizationOrPerson(longer));
    }

    private static boolean isOrganizationOrPerson(EntityType type) {
        return type == EntityType.ORGANIZATION || type == EntityType.PERSON;
    }

    private static boolean knownAsDifferent(Group shorter, Group longer) {
        return shorter.known.isPresent() && longer.known.isPresent() && !shorter.known.get().equals(longer.known.get());
    }

    private static String normalize(String text) {
        return collapseWhitespace(text).toLowerCase(Locale.ROOT);
    }

    private static String[] tokens(String normalizedText) {
        return normalizedText.split(" ");
    }

    /** Runs of whitespace become one space; a name with single spaces only, as most are, is kept as it is. */
    private static String collapseWhitespace(String text) {
        String stripped = text.strip();
        for (int at = 0; at < stripped.length(); at++) {
            char c = stripped.charAt(at);
            if (isWhitespace(c) && (c != ' ' || at + 1 < stripped.length() && isWhitespace(stripped.charAt(at + 1)))) {
                return WHITESPACE.matcher(stripped).replaceAll(" ");
            }
        }
        return stripped;
    }

    /** Whitespace as {@link #WHITESPACE} sees it ({@code \s}: space, tab, line breaks, form feed). */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Whether the form has letters and none of them is lower case. */
    private static boolean isAllCaps(String form) {
        return form.chars().anyMatch(Character::isLetter) && form.chars().noneMatch(Character::isLowerCase);
    }

    private record Group(String[] tokens, Optional<KnownEntity> known, EntityType type,
            List<RecognizedMention> members) {

        EntityCluster toCluster() {
            List<RecognizedMention> inTextOrder = members.stream()
                    .sorted(Comparator.comparing(RecognizedMention::mention, TEXT_ORDER))
                    .toList();
            double confidence = inTextOrder.stream()
                    .mapToDouble(member -> member.type() == type ? member.confidence() : 1.0 - member.confidence())
                    .average()
                    .orElseThrow();
            return new EntityCluster(name(inTextOrder), type,
                    inTextOrder.stream().map(RecognizedMention::mention).toList(),
                    Math.round(confidence * 1000) / 1000.0, null);
        }

        /**
         * The most frequent surface form among the longest ones, the earliest on a tie; a form in
         * ALL CAPS (an all-caps headline's "STORM CIARAN") only when the text never writes the
         * name otherwise.
         */
        private String name(List<RecognizedMention> inTextOrder) {
            int mostTokens = inTextOrder.stream()
                    .mapToInt(member -> MentionClusterer.tokens(normalize(member.mention().text())).length).max().orElseThrow();
            List<String> longest = inTextOrder.stream()
                    .map(member -> collapseWhitespace(member.mention().text()))
                    .filter(form -> MentionClusterer.tokens(normalize(form)).length == mostTokens)
                    .toList();
            List<String> candidates = longest.stream().anyMatch(form -> !isAllCaps(form))
                    ? longest.stream().filter(form -> !isAllCaps(form)).toList()
                    : longest;
            Map<String, Long> counts = candidates.stream()
                    .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }
}
