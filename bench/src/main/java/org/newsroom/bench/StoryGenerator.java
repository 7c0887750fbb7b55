package org.newsroom.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic partner stories from templates: a cast of people, organisations and places per story
 * (so the entity recogniser finds repeated, varied names), paragraphs of news sentences, and a body
 * of {@value #MIN_WORDS} to {@value #MAX_WORDS} words.
 *
 * <p>Story {@code n} depends only on the seed and {@code n}, never on which stories were generated
 * before, so two runs with the same seed push the same text and their figures compare.
 */
public final class StoryGenerator {

    public static final int MIN_WORDS = 300;
    public static final int MAX_WORDS = 1500;
    /** No sentence template expands to more words than this, which keeps bodies under {@link #MAX_WORDS}. */
    static final int LONGEST_SENTENCE_WORDS = 60;

    private static final Instant EPOCH = Instant.parse("2025-03-01T06:00:00Z");
    private static final Pattern SLOT = Pattern.compile("\\{(P1|P2|P3|O1|O2|L1|L2|N|D|T)}");

    private static final List<String> FIRST_NAMES = List.of("Amara", "Bjorn", "Chen", "Dolores", "Emeka", "Farah",
            "Giulia", "Hiroshi", "Ingrid", "Jamal", "Katarzyna", "Luis", "Mei", "Nikolai", "Olga", "Priya", "Rafael",
            "Siobhan", "Tomasz", "Uma", "Viktor", "Wanjiru", "Yusuf", "Zofia", "Andrew", "Beatriz", "Daniel", "Elena");
    private static final List<String> LAST_NAMES = List.of("Okafor", "Lindqvist", "Wang", "Herrera", "Nwosu",
            "Haddad", "Rossi", "Tanaka", "Johansson", "Mensah", "Kowalski", "Fernandes", "Lin", "Petrov", "Ivanova",
            "Raman", "Moreno", "Gallagher", "Nowak", "Shah", "Horvat", "Kamau", "Demir", "Brennan", "Whitfield",
            "Castillo", "Fischer", "Novak");
    private static final List<String> ORGANISATIONS = List.of("the European Central Bank", "Siemens", "the World Health Organization",
            "Toyota", "the United Nations", "Google DeepMind", "Airbus", "the International Monetary Fund", "Unilever",
            "the Red Cross", "Nokia", "Petrobras", "Reuters", "the African Union", "Samsung Electronics",
            "the Bank of England", "Maersk", "the World Bank", "Volkswagen", "Greenpeace", "Tata Steel",
            "the Federal Reserve", "Nestle", "Amnesty International");
    private static final List<String> PLACES = List.of("Berlin", "Nairobi", "Sao Paulo", "Osaka", "Toronto",
            "Lagos", "Warsaw", "Melbourne", "Lisbon", "Mumbai", "Istanbul", "Chicago", "Lyon", "Seoul", "Cape Town",
            "Buenos Aires", "Rotterdam", "Hanoi", "Dublin", "Vancouver", "Marseille", "Accra", "Bogota", "Helsinki");
    private static final List<String> SOURCES = List.of("Associated Press", "Agence France-Presse",
            "Deutsche Presse-Agentur", "Kyodo News", "Press Association", "Anadolu Agency");
    private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");
    private static final List<String> TOPICS = List.of("energy prices", "the new rail link", "flood defences",
            "the budget deficit", "vaccine supply", "housing costs", "the port expansion", "data protection rules",
            "the teachers' strike", "water rationing", "the climate accord", "grain exports");

    private static final List<String> HEADLINES = List.of(
            "{O1} and {O2} clash over {T} in {L1}",
            "{P1} of {O1} warns {L1} on {T}",
            "{L1} braces for decision on {T} as {O1} weighs in",
            "{O1} unveils plan for {T} after talks in {L1}",
            "{P1} says {O2} must act on {T} before {D}",
            "Inside the fight over {T}: {L1}, {O1} and {P1}");

    private static final List<String> SENTENCES = List.of(
            "{P1}, who leads the delegation from {O1}, told reporters in {L1} on {D} that {T} would dominate the agenda for the coming months.",
            "Officials at {O2} said they had received {N} submissions on {T} and would publish a summary before the end of the quarter.",
            "\"We cannot keep postponing this,\" {P1} said, adding that {O1} had already set aside {N} million euros for the first phase.",
            "In {L2}, {P2} described the proposal as a sensible compromise, although several members of {O2} remained unconvinced.",
            "The debate over {T} has divided opinion in {L1} for years, with business groups and residents often taking opposing sides.",
            "{P3}, an economist who has advised {O1} in the past, estimated that the measures could affect about {N} thousand households.",
            "According to figures released by {O2} on {D}, demand in {L1} rose by {N} percent compared with the same period last year.",
            "Critics argue that {O1} underestimated the costs, and {P2} said an independent review should be completed before any vote.",
            "A spokesperson for {O2} declined to comment on the talks but confirmed that a meeting with {P1} had taken place in {L2}.",
            "Residents interviewed near the city centre of {L1} said they were worried about {T} but hopeful that a deal could be reached.",
            "{P2} recalled that a similar plan was abandoned in {L2} after protests, and warned that the same could happen again.",
            "Analysts at {O1} expect the final agreement to include a review clause, allowing changes after {N} months.",
            "The mayor of {L1} said on {D} that the city would cooperate with {O2}, provided that local jobs were protected.",
            "{P3} told the committee that the timetable was ambitious but achievable if funding from {O1} arrived on schedule.",
            "Negotiators from {O1} and {O2} are due to meet again in {L2} next week, according to people familiar with the matter.",
            "Shares in {O2} moved only slightly after the announcement, and traders in {L1} said the news had largely been expected.",
            "In a statement, {O1} said it remained committed to working with partners in {L1} and {L2} on {T}.",
            "{P1} is expected to present revised figures to the board of {O1} on {D}, including a new estimate of {N} million euros.",
            "Community leaders in {L2} have called on {P2} to visit the affected districts and meet the families concerned.",
            "Several opposition figures, including {P3}, said the government had failed to consult {O2} before drafting the rules.");

    private static final List<String> CLOSINGS = List.of(
            "Continue reading at {SOURCE}.",
            "Additional reporting from {L2}.",
            "{O1} and {O2} are expected to publish their positions on {T} before {D}.");

    private final long seed;
    private final String uriPrefix;

    /**
     * @param seed      the same seed gives the same stories
     * @param uriPrefix prepended to the story number, e.g. {@code urn:newsroom:bench:<run>:}
     */
    public StoryGenerator(long seed, String uriPrefix) {
        this.seed = seed;
        this.uriPrefix = uriPrefix;
    }

    /** What every uri of this generator starts with. */
    public String uriPrefix() {
        return uriPrefix;
    }

    /** Story number {@code n}: the same for the same seed and {@code n}. */
    public Story story(long n) {
        Random random = new Random(seed * 1_000_003L + n);
        Map<String, String> cast = cast(random);
        String source = pick(random, SOURCES);
        int targetWords = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS - LONGEST_SENTENCE_WORDS + 1);
        StringBuilder body = new StringBuilder();
        int words = 0;
        while (words < targetWords) {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 3 + random.nextInt(4);
            for (int i = 0; i < sentences && words < targetWords; i++) {
                String sentence = fill(pick(random, SENTENCES), cast, random);
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(sentence);
                words += Text.wordCount(sentence);
            }
            body.append(body.isEmpty() ? "" : "\n\n").append(paragraph);
        }
        String closing = fill(pick(random, CLOSINGS), cast, random).replace("{SOURCE}", source);
        if (words + Text.wordCount(closing) <= MAX_WORDS) {
            body.append("\n\n").append(closing);
        }
        String headline = fill(pick(random, HEADLINES), cast, random);
        headline = Character.toUpperCase(headline.charAt(0)) + headline.substring(1);
        Instant created = EPOCH.plus(Duration.ofMinutes(n));
        return new Story(uriPrefix + n, headline, body.toString(), source, created);
    }

    private static Map<String, String> cast(Random random) {
        return Map.of(
                "P1", person(random), "P2", person(random), "P3", person(random),
                "O1", pick(random, ORGANISATIONS), "O2", pick(random, ORGANISATIONS),
                "L1", pick(random, PLACES), "L2", pick(random, PLACES),
                "T", pick(random, TOPICS));
    }

    private static String person(Random random) {
        return pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
    }

    /** Fills every slot; numbers and days vary per sentence, the cast stays the same for the story. */
    private static String fill(String template, Map<String, String> cast, Random random) {
        Matcher matcher = SLOT.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String slot = matcher.group(1);
            String value = switch (slot) {
                case "N" -> String.valueOf(2 + random.nextInt(97));
                case "D" -> pick(random, DAYS);
                default -> cast.get(slot);
            };
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        String sentence = filled.toString();
        return sentence.startsWith("the ") ? "The " + sentence.substring(4) : sentence;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
