package org.newsroom.enrich.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.EntityType;

/**
 * Newswire-like articles made from templates, for the enrichment benchmark: a dateline, a lead,
 * quotes and background paragraphs naming a small cast of people, organisations and places, some
 * known to the alias table and some not, referred to by full name first and by surname later, as
 * agencies write. A few articles carry a "Read more … →" teaser naming another article and a URL.
 *
 * <p>The same seed gives the same articles, so benchmark runs compare like with like. The
 * language is left undeclared so that the enrichment detects it, as it must for such partners.
 */
public final class NewswireArticles {

    /** The seed of the benchmark's articles. */
    public static final long SEED = 20_260_302L;
    /** How many articles the benchmark enriches. */
    public static final int COUNT = 50;

    static final int MIN_WORDS = 300;
    static final int MAX_WORDS = 1500;

    private static final Instant FIRST_CREATED = Instant.parse("2026-03-01T06:00:00Z");

    private static final String[] PEOPLE = {
        "Angela Merkel", "Emmanuel Macron", "Olaf Scholz", "Antonio Guterres", "Satya Nadella", "Sundar Pichai",
        "Demis Hassabis", "Sam Altman", "Justin Trudeau", "Narendra Modi", "Kamala Harris", "Boris Johnson",
        "Maria Keller", "Tomasz Wojcik", "Aisha Bello", "Henrik Lindqvist", "Carmen Ortega", "David Okafor",
        "Yuki Tanaka", "Priya Raman", "Lars Pedersen", "Sophie Laurent", "Miguel Fernandes", "Elena Popescu",
        "James Whitaker", "Fatima Haddad", "Oliver Brandt", "Chen Wei", "Rachel Goldberg", "Kwame Mensah",
        "Ingrid Sorensen", "Paolo Ricci", "Natalia Ivanova", "Samuel Adeyemi", "Claire Dubois", "Marco Bianchi"};

    private static final String[] ORGANISATIONS = {
        "Reuters", "United Nations", "European Central Bank", "International Monetary Fund", "NATO",
        "European Union", "Google", "Microsoft", "Siemens", "Airbus", "Boeing", "Pfizer", "Goldman Sachs",
        "Amnesty International", "World Health Organization", "Nordbank", "Helios Energy", "Atlas Logistics",
        "Meridian Pharma", "Baltic Shipping Group", "Greenfield Capital", "Vantage Telecom", "Crescent Airways",
        "Union of Metal Workers", "Institute for Fiscal Studies", "Red Cross", "Samsung", "Nvidia", "OPEC"};

    private static final String[] PLACES = {
        "Geneva", "Berlin", "Paris", "London", "Brussels", "Madrid", "Rome", "Warsaw", "Vienna", "Stockholm",
        "Lisbon", "Athens", "Nairobi", "Lagos", "Cairo", "Tokyo", "Seoul", "Mumbai", "Jakarta", "Toronto",
        "Chicago", "Sao Paulo", "Buenos Aires", "Sydney", "Istanbul", "Kyiv", "Helsinki", "Dublin", "Oslo",
        "Germany", "France", "Japan", "Kenya", "Brazil", "Canada", "India", "Poland", "Spain", "Italy"};

    private static final String[] SUBJECTS = {
        "interest rates", "a trade agreement", "energy prices", "a data centre expansion", "vaccine supplies",
        "a railway link", "wage talks", "refugee aid", "a chip factory", "carbon emissions", "a port strike",
        "an aircraft order", "a merger", "drought relief", "a cyber attack", "the election campaign"};

    private static final String[] HEADLINES = {
        "{ORG} weighs {SUBJECT} as {LOC} talks resume",
        "{PER} pledges action on {SUBJECT} in {LOC}",
        "{LOC} braces for {SUBJECT} after {ORG} warning",
        "{ORG} and {ORG2} agree on {SUBJECT}",
        "Talks on {SUBJECT} stall in {LOC}, says {PER}",
        "{PER} faces pressure over {SUBJECT}"};

    private static final String[] LEADS = {
        "{LOC} ({SOURCE}) - {PER}, the {ROLE} of {ORG}, said on {DAY} that {SUBJECT} would dominate the coming weeks, "
            + "as officials in {LOC2} prepared for a second round of talks.",
        "{LOC} ({SOURCE}) - {ORG} and {ORG2} reached a preliminary understanding on {SUBJECT} late on {DAY}, "
            + "according to three people familiar with the matter, after negotiators met in {LOC}.",
        "{LOC} ({SOURCE}) - Pressure mounted on {PER} on {DAY} as {ORG} published figures showing that "
            + "{SUBJECT} had cost the region about {NUM} million euros since January."};

    private static final String[] SENTENCES = {
        "{PER_LAST} told reporters in {LOC} that the plan was \"realistic but demanding\".",
        "A spokesperson for {ORG} declined to comment on the talks.",
        "The figures were published by {ORG} on {DAY} and showed a rise of {PCT} percent compared with last year.",
        "Officials in {LOC2} said they expected a decision within {SMALL} weeks.",
        "{PER2}, who leads the delegation from {LOC2}, said the proposal did not go far enough.",
        "\"We are not there yet,\" {PER_LAST} said, adding that {ORG2} had been consulted at every stage.",
        "Analysts at {ORG} estimate that the measure could lift output by {PCT} percent over two years.",
        "The talks in {LOC} follow months of disagreement between {ORG} and {ORG2}.",
        "Shares of {ORG2} fell {PCT} percent in early trading in {LOC2}.",
        "{PER2_LAST} is due to travel to {LOC} next week to meet representatives of {ORG}.",
        "Critics, including {PER3} of {ORG3}, say the timetable is too ambitious.",
        "The government in {LOC2} has set aside {NUM} million euros for the programme.",
        "According to {ORG3}, about {NUM} jobs depend directly on the outcome.",
        "{PER3_LAST} warned that any delay would hurt consumers in {LOC} and {LOC2}.",
        "Negotiators are expected to resume work on {DAY} at the headquarters of {ORG} in {LOC}.",
        "The agreement still needs the approval of parliament in {LOC2}.",
        "{PER_LAST} has repeatedly said that {SUBJECT} must not become a matter of party politics.",
        "Unions representing workers at {ORG2} have threatened to strike if the plan goes ahead.",
        "In a statement, {ORG3} said it welcomed the progress but urged caution.",
        "Data released on {DAY} showed inflation in {LOC2} easing to {PCT} percent.",
        "Diplomats in {LOC} described the mood at the meeting as constructive.",
        "{PER2_LAST} said the proposal would be reviewed by experts from {ORG3} before any vote.",
        "The dispute has strained relations between {LOC} and {LOC2} for much of the year.",
        "Residents of {LOC2} gathered outside the offices of {ORG} on {DAY} to protest against the plan.",
        "Investors will watch closely how {ORG} handles {SUBJECT} in the months ahead."};

    private static final String[] BACKGROUNDS = {
        "Background: {ORG} was founded in {YEAR} and employs about {NUM} people in {LOC2} and elsewhere.",
        "The last comparable agreement, signed in {LOC} in {YEAR}, took nearly two years to negotiate.",
        "{PER} took office in {YEAR} after a campaign focused on {SUBJECT}."};

    private static final String[] ROLES = {"chief executive", "president", "chair", "finance minister",
        "secretary-general", "chief economist", "head of research"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] SOURCES = {"Partner Wire", "Reuters", "Newsroom Agency"};

    private static final Pattern SLOT = Pattern.compile("\\{([A-Z0-9_]+)}");

    private NewswireArticles() {
    }

    /** The names the articles are made of, by the type of entity they name. */
    public static Map<EntityType, List<String>> cast() {
        return Map.of(EntityType.PERSON, List.of(PEOPLE), EntityType.ORGANIZATION, List.of(ORGANISATIONS),
                EntityType.LOCATION, List.of(PLACES));
    }

    /** The given number of articles from the seed; the same arguments always give the same articles. */
    public static List<ArticleEvent> generate(int count, long seed) {
        Random random = new Random(seed);
        List<String> headlines = new ArrayList<>();
        List<ArticleEvent> articles = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            Cast cast = Cast.draw(random);
            String headline = fill(pick(random, HEADLINES), cast, random);
            int targetWords = MIN_WORDS + 60 + random.nextInt(MAX_WORDS - MIN_WORDS - 100);
            String body = body(cast, random, targetWords, headlines);
            headlines.add(headline);
            Instant created = FIRST_CREATED.plus(Duration.ofMinutes(37L * index));
            articles.add(new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "bench-event-" + index, ArticleAction.PUBLISHED,
                    "urn:newsroom:partner-bench:story/" + index, 1, headline, body, cast.source, "partner-bench", null,
                    created, created.plusSeconds(30), List.of()));
        }
        return articles;
    }

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private static String body(Cast cast, Random random, int targetWords, List<String> earlierHeadlines) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(fill(pick(random, LEADS), cast, random));
        int words = words(paragraphs.get(0));
        boolean teaser = !earlierHeadlines.isEmpty() && random.nextInt(4) == 0;
        boolean url = random.nextInt(5) == 0;
        int reserved = (teaser ? 25 : 0) + (url ? 20 : 0) + 40;
        while (words < targetWords - reserved) {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 2 + random.nextInt(3);
            for (int sentence = 0; sentence < sentences && words < targetWords - reserved; sentence++) {
                String text = fill(pick(random, SENTENCES), cast, random);
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(text);
                words += words(text);
            }
            paragraphs.add(paragraph.toString());
        }
        String background = fill(pick(random, BACKGROUNDS), cast, random);
        paragraphs.add(background);
        if (url) {
            paragraphs.add("The full report is available at https://www.example.org/reports/"
                    + cast.organisations[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + "-" + random.nextInt(1000)
                    + ".");
        }
        if (teaser) {
            paragraphs.add("Read more " + earlierHeadlines.get(random.nextInt(earlierHeadlines.size())) + " →");
        }
        return String.join("\n\n", paragraphs);
    }

    private static String fill(String template, Cast cast, Random random) {
        Matcher slots = SLOT.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (slots.find()) {
            slots.appendReplacement(filled, Matcher.quoteReplacement(value(slots.group(1), cast, random)));
        }
        slots.appendTail(filled);
        return filled.toString();
    }

    private static String value(String slot, Cast cast, Random random) {
        return switch (slot) {
            case "PER" -> cast.people[0];
            case "PER2" -> cast.people[1];
            case "PER3" -> cast.people[2];
            case "PER_LAST" -> surname(cast.people[0]);
            case "PER2_LAST" -> surname(cast.people[1]);
            case "PER3_LAST" -> surname(cast.people[2]);
            case "ORG" -> cast.organisations[0];
            case "ORG2" -> cast.organisations[1];
            case "ORG3" -> cast.organisations[2];
            case "LOC" -> cast.places[0];
            case "LOC2" -> cast.places[1];
            case "SUBJECT" -> cast.subject;
            case "SOURCE" -> cast.source;
            case "ROLE" -> cast.role;
            case "DAY" -> pick(random, DAYS);
            case "NUM" -> Integer.toString(20 + random.nextInt(4980));
            case "SMALL" -> Integer.toString(2 + random.nextInt(8));
            case "PCT" -> (1 + random.nextInt(9)) + "." + random.nextInt(10);
            case "YEAR" -> Integer.toString(1950 + random.nextInt(75));
            default -> throw new IllegalArgumentException("unknown slot " + slot);
        };
    }

    private static String surname(String name) {
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String[] distinct(Random random, String[] pool, int count) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            String candidate = pick(random, pool);
            if (!chosen.contains(candidate)) {
                chosen.add(candidate);
            }
        }
        return chosen.toArray(String[]::new);
    }

    /** The people, organisations and places one article is about. */
    private record Cast(String[] people, String[] organisations, String[] places, String subject, String role,
            String source) {

        static Cast draw(Random random) {
            return new Cast(distinct(random, PEOPLE, 3), distinct(random, ORGANISATIONS, 3),
                    distinct(random, PLACES, 2), pick(random, SUBJECTS), pick(random, ROLES), pick(random, SOURCES));
        }
    }
}
