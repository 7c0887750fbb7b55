package org.newsroom.ingest.story.format;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.story.SanitizedHtml;
import org.newsroom.ingest.story.StoryRejectedException;
import org.newsroom.ingest.story.StoryRequest;
import org.newsroom.ingest.story.StoryUnreadableException;
import org.newsroom.ingest.story.StoryValidator;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an IPTC ninjs 2.x news item into the native story, checking the structure of every member
 * it maps or that the ninjs 2.x schema constrains with a type or enum, and naming each failing
 * member by its JSON pointer ({@code /headlines/0/value}).
 * <p>
 * IANA has no registered media type for ninjs; {@value #MEDIA_TYPE} is the one news agencies use,
 * {@value #IPTC_MEDIA_TYPE} the vendor-tree form some send.
 * <p>
 * Mapping: {@code uri}; {@code version} (a string of digits in ninjs 2.x); the {@code headlines}
 * entry with role {@code main}, else the first; the {@code bodies} entry in text/plain or text/html
 * with role {@code main}, else the first such (HTML, declared or, without a contenttype, sniffed,
 * is sanitized to plain text); the source from
 * the first {@code infosources} name, else {@code copyrightholder}; {@code firstcreated}, else
 * {@code versioncreated}; {@code language}; {@code pubstatus} {@code canceled} / {@code withheld}
 * kill the article exactly as the native {@code pubstatus} does. Subjects, people, organisations,
 * places and associations are checked but not carried: the article event has no field for them
 * and enrichment finds entities in the text itself.
 * <p>
 * {@code embargoed} is the native {@code embargoed}: a story whose embargo lies in the future is held
 * until then, one whose embargo has lifted is published at once.
 */
@Component
public class NinjsStoryReader {

    public static final String MEDIA_TYPE = "application/ninjs+json";

    public static final String IPTC_MEDIA_TYPE = "application/vnd.iptc.ninjs+json";

    private static final Set<String> TYPES = Set.of("text", "audio", "video", "picture", "graphic", "composite",
            "component");

    private static final Set<String> TEXT_TYPES = Set.of("text", "composite");

    private static final Set<String> PUBSTATUS = Set.of("usable", "withheld", "canceled");

    private static final Set<String> BODY_CONTENT_TYPES = Set.of("text/plain", "text/html");

    private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

    private static final List<String> CONCEPT_STRINGS = List.of("name", "rel", "uri", "literal");

    private final JsonMapper jsonMapper;

    private final StoryValidator validator;

    NinjsStoryReader(JsonMapper jsonMapper, IngestProperties properties) {
        this.jsonMapper = jsonMapper;
        this.validator = new StoryValidator(properties.maxBodyChars());
    }

    /**
     * @throws StoryUnreadableException if the body is empty, not JSON or not a JSON object
     * @throws StoryRejectedException with every structural and story violation, located by pointer
     */
    public MappedStory read(byte[] body) {
        if (body.length == 0) {
            throw StoryUnreadableException.missingBody();
        }
        JsonNode item;
        try {
            item = jsonMapper.readTree(body);
        }
        catch (JacksonException e) {
            throw StoryUnreadableException.malformed(e);
        }
        if (item == null || !item.isObject()) {
            throw StoryUnreadableException.notAnObject();
        }
        NinjsStructure structure = new NinjsStructure(item);
        FieldLocations locations = new FieldLocations().put("uri", "uri", "/uri").put("version", "version", "/version")
                .put("language", "language", "/language").put("pubstatus", "pubstatus", "/pubstatus");
        String uri = structure.string("uri");
        String type = structure.oneOf("type", TYPES);
        if (type != null && !TEXT_TYPES.contains(type)) {
            structure.violation("type", "/type", "must be text or composite: only text stories are accepted");
        }
        Long version = version(structure);
        String firstCreated = firstCreated(structure, locations);
        Instant embargoed = structure.dateTime("embargoed");
        locations.put("embargoed", "embargoed", "/embargoed");
        String pubstatus = structure.oneOf("pubstatus", PUBSTATUS);
        structure.integer("urgency", 1, 9);
        String language = structure.string("language");
        String headline = headline(structure, locations);
        String text = body(structure, locations);
        String source = source(structure, locations);
        for (String concepts : List.of("people", "organisations", "places", "events", "objects")) {
            structure.objects(concepts, CONCEPT_STRINGS, Map.of(), List.of());
        }
        structure.objects("subjects", List.of("name", "rel", "uri", "literal", "creator"),
                Map.of("relevance", new int[] { 0, 100 }, "confidence", new int[] { 0, 100 }), List.of());
        structure.objects("associations", List.of("name", "uri"), Map.of(), List.of("uri"));
        StoryRequest request = new StoryRequest(uri, version, headline, text, source, firstCreated, language,
                pubstatus, null, embargoed == null ? null : embargoed.toString(), null);
        return MappedStory.checked(request, locations, structure.violations(), validator);
    }

    private static @Nullable Long version(NinjsStructure structure) {
        JsonNode version = structure.member("version");
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.isString() || !VERSION.matcher(version.stringValue()).matches()) {
            structure.violation("version", "/version", "must be a string of digits, such as \"2\"");
            return null;
        }
        return Long.valueOf(version.stringValue());
    }

    private static @Nullable String firstCreated(NinjsStructure structure, FieldLocations locations) {
        Instant firstCreated = structure.dateTime("firstcreated");
        Instant versionCreated = structure.dateTime("versioncreated");
        if (firstCreated == null && versionCreated != null) {
            locations.put("firstCreated", "versioncreated", "/versioncreated");
            return versionCreated.toString();
        }
        locations.put("firstCreated", "firstcreated", "/firstcreated");
        return firstCreated == null ? null : firstCreated.toString();
    }

    private static @Nullable String headline(NinjsStructure structure, FieldLocations locations) {
        List<NinjsStructure.Part> headlines = structure.parts("headlines", List.of());
        locations.put("headline", "headlines", "/headlines");
        NinjsStructure.Part main = headlines.stream().filter(NinjsStructure.Part::isMain).findFirst()
                .orElse(headlines.isEmpty() ? null : headlines.get(0));
        if (main == null || main.value() == null) {
            return null;
        }
        locations.put("headline", "headlines", "/headlines/" + main.index() + "/value");
        return text(main);
    }

    private static @Nullable String body(NinjsStructure structure, FieldLocations locations) {
        List<NinjsStructure.Part> bodies = structure.parts("bodies", List.of("charcount", "wordcount"));
        locations.put("body", "bodies", "/bodies");
        List<NinjsStructure.Part> readable = bodies.stream()
                .filter(part -> part.contentType() == null || BODY_CONTENT_TYPES.contains(part.contentType()))
                .toList();
        if (!bodies.isEmpty() && readable.isEmpty()) {
            structure.violation("bodies", "/bodies", "must hold a body whose contenttype is text/plain or text/html");
            return null;
        }
        NinjsStructure.Part main = readable.stream().filter(NinjsStructure.Part::isMain).findFirst()
                .orElse(readable.isEmpty() ? null : readable.get(0));
        if (main == null || main.value() == null) {
            return null;
        }
        locations.put("body", "bodies", "/bodies/" + main.index() + "/value");
        return text(main);
    }

    /** Declared HTML is sanitized, declared plain text kept, undeclared text sanitized if it looks like HTML. */
    private static String text(NinjsStructure.Part part) {
        String value = Objects.requireNonNull(part.value());
        if (part.contentType() == null) {
            return SanitizedHtml.plainText(value);
        }
        return part.contentType().equals("text/html") ? SanitizedHtml.of(value).text() : value;
    }

    private static @Nullable String source(NinjsStructure structure, FieldLocations locations) {
        List<Map<String, String>> infosources = structure.objects("infosources", List.of("name", "role", "uri", "literal"),
                Map.of(), List.of());
        String copyrightHolder = structure.string("copyrightholder");
        for (int i = 0; i < infosources.size(); i++) {
            String name = infosources.get(i).get("name");
            if (name != null && !name.isBlank()) {
                locations.put("source", "infosources", "/infosources/" + i + "/name");
                return name;
            }
        }
        if (copyrightHolder != null) {
            locations.put("source", "copyrightholder", "/copyrightholder");
            return copyrightHolder;
        }
        locations.put("source", "infosources", "/infosources");
        return null;
    }
}
