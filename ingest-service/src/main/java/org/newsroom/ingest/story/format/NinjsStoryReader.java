package org.newsroom.ingest.story.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.story.FieldViolation;
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
        Structure structure = new Structure(item);
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
        return MappedStory.checked(request, locations, structure.violations, validator);
    }

    private static @Nullable Long version(Structure structure) {
        JsonNode version = structure.item.get("version");
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.isString() || !VERSION.matcher(version.stringValue()).matches()) {
            structure.violation("version", "/version", "must be a string of digits, such as \"2\"");
            return null;
        }
        return Long.valueOf(version.stringValue());
    }

    private static @Nullable String firstCreated(Structure structure, FieldLocations locations) {
        Instant firstCreated = structure.dateTime("firstcreated");
        Instant versionCreated = structure.dateTime("versioncreated");
        if (firstCreated == null && versionCreated != null) {
            locations.put("firstCreated", "versioncreated", "/versioncreated");
            return versionCreated.toString();
        }
        locations.put("firstCreated", "firstcreated", "/firstcreated");
        return firstCreated == null ? null : firstCreated.toString();
    }

    private static @Nullable String headline(Structure structure, FieldLocations locations) {
        List<Part> headlines = structure.parts("headlines", List.of());
        locations.put("headline", "headlines", "/headlines");
        Part main = headlines.stream().filter(Part::isMain).findFirst()
                .orElse(headlines.isEmpty() ? null : headlines.get(0));
        if (main == null || main.value() == null) {
            return null;
        }
        locations.put("headline", "headlines", "/headlines/" + main.index() + "/value");
        return text(main);
    }

    private static @Nullable String body(Structure structure, FieldLocations locations) {
        List<Part> bodies = structure.parts("bodies", List.of("charcount", "wordcount"));
        locations.put("body", "bodies", "/bodies");
        List<Part> readable = bodies.stream()
                .filter(part -> part.contentType() == null || BODY_CONTENT_TYPES.contains(part.contentType()))
                .toList();
        if (!bodies.isEmpty() && readable.isEmpty()) {
            structure.violation("bodies", "/bodies", "must hold a body whose contenttype is text/plain or text/html");
            return null;
        }
        Part main = readable.stream().filter(Part::isMain).findFirst()
                .orElse(readable.isEmpty() ? null : readable.get(0));
        if (main == null || main.value() == null) {
            return null;
        }
        locations.put("body", "bodies", "/bodies/" + main.index() + "/value");
        return text(main);
    }

    /** Declared HTML is sanitized, declared plain text kept, undeclared text sanitized if it looks like HTML. */
    private static String text(Part part) {
        String value = Objects.requireNonNull(part.value());
        if (part.contentType() == null) {
            return SanitizedHtml.plainText(value);
        }
        return part.contentType().equals("text/html") ? SanitizedHtml.of(value).text() : value;
    }

    private static @Nullable String source(Structure structure, FieldLocations locations) {
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

    /**
     * One headline or body: {@code {role, contenttype, value}}.
     *
     * @param contentType the media type without parameters, lower case
     */
    private record Part(int index, @Nullable String role, @Nullable String contentType, @Nullable String value) {

        boolean isMain() {
            return "main".equalsIgnoreCase(role);
        }
    }

    /** Type and enum checks over the item, collecting every violation with its pointer. */
    private static final class Structure {

        private final JsonNode item;

        private final List<FieldViolation> violations = new ArrayList<>();

        Structure(JsonNode item) {
            this.item = item;
        }

        void violation(String field, String pointer, String message) {
            violations.add(new FieldViolation(field, message, pointer));
        }

        /** A top-level string member; absent or {@code null} is absent. */
        @Nullable String string(String name) {
            return string(item, name, name, "/" + name);
        }

        private @Nullable String string(JsonNode parent, String name, String field, String pointer) {
            JsonNode value = parent.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                violation(field, pointer, "must be a string");
                return null;
            }
            return value.stringValue();
        }

        @Nullable String oneOf(String name, Set<String> allowed) {
            String value = string(name);
            if (value != null && !allowed.contains(value)) {
                violation(name, "/" + name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
                return null;
            }
            return value;
        }

        void integer(String name, int min, int max) {
            integer(item, name, name, "/" + name, min, max);
        }

        private void integer(JsonNode parent, String name, String field, String pointer, int min, int max) {
            JsonNode value = parent.get(name);
            if (value == null || value.isNull()) {
                return;
            }
            boolean inRange = value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= min
                    && value.longValue() <= max;
            if (!inRange) {
                violation(field, pointer, "must be an integer from " + min + " to " + max);
            }
        }

        /** An RFC 3339 date-time, as the ninjs schema's {@code format: date-time} requires. */
        @Nullable Instant dateTime(String name) {
            String value = string(name);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            catch (DateTimeParseException e) {
                violation(name, "/" + name, "must be an RFC 3339 date-time such as 2026-01-02T03:04:05Z");
                return null;
            }
        }

        private @Nullable JsonNode array(String name) {
            JsonNode value = item.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isArray()) {
                violation(name, "/" + name, "must be an array");
                return null;
            }
            return value;
        }

        /** Headlines or bodies: objects with a required string {@code value}. */
        List<Part> parts(String name, List<String> numbers) {
            JsonNode array = array(name);
            List<Part> parts = new ArrayList<>();
            if (array == null) {
                return parts;
            }
            for (int i = 0; i < array.size(); i++) {
                String pointer = "/" + name + "/" + i;
                JsonNode part = array.get(i);
                if (!part.isObject()) {
                    violation(name, pointer, "must be an object");
                    continue;
                }
                String role = string(part, "role", name, pointer + "/role");
                String contentType = string(part, "contenttype", name, pointer + "/contenttype");
                String value = string(part, "value", name, pointer + "/value");
                if (part.get("value") == null || part.get("value").isNull()) {
                    violation(name, pointer + "/value", "is required");
                }
                for (String number : numbers) {
                    JsonNode count = part.get(number);
                    if (count != null && !count.isNull() && !count.isNumber()) {
                        violation(name, pointer + "/" + number, "must be a number");
                    }
                }
                parts.add(new Part(i, role, contentType == null ? null : mediaType(contentType), value));
            }
            return parts;
        }

        /**
         * An array of objects whose members {@code strings} must be strings, {@code integers}
         * integers within bounds, and {@code required} present.
         */
        List<Map<String, String>> objects(String name, List<String> strings, Map<String, int[]> integers,
                List<String> required) {
            JsonNode array = array(name);
            List<Map<String, String>> objects = new ArrayList<>();
            if (array == null) {
                return objects;
            }
            for (int i = 0; i < array.size(); i++) {
                String pointer = "/" + name + "/" + i;
                JsonNode object = array.get(i);
                if (!object.isObject()) {
                    violation(name, pointer, "must be an object");
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (String member : strings) {
                    String value = string(object, member, name, pointer + "/" + member);
                    if (value != null) {
                        values.put(member, value);
                    }
                }
                integers.forEach((member, bounds) -> integer(object, member, name, pointer + "/" + member, bounds[0],
                        bounds[1]));
                for (String member : required) {
                    if (object.get(member) == null || object.get(member).isNull()) {
                        violation(name, pointer + "/" + member, "is required");
                    }
                }
                objects.add(values);
            }
            return objects;
        }

        private static String mediaType(String contentType) {
            int parameters = contentType.indexOf(';');
            return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        }
    }
}
