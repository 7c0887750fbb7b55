package org.newsroom.ingest.story.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.story.FieldViolation;
import org.newsroom.ingest.story.SanitizedHtml;
import org.newsroom.ingest.story.StoryRejectedException;
import org.newsroom.ingest.story.StoryRequest;
import org.newsroom.ingest.story.StoryUnreadableException;
import org.newsroom.ingest.story.StoryValidator;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import reactor.core.publisher.Mono;

/**
 * Reads an RSS 2.0 or Atom (RFC 4287) document into one story per item or entry. Which of the two
 * it is follows from the root element ({@code <rss>} or Atom's {@code <feed>}), whatever XML
 * media type the partner sent.
 * <p>
 * The parser refuses any DOCTYPE: feeds have no use for one, and without it there is no external
 * entity (XXE), no parameter entity and no entity expansion bomb to defend against. External DTD
 * and schema access is switched off as well, in case a future parser ignores the first setting.
 * Element nesting is limited to {@value #MAX_DEPTH} levels.
 * <p>
 * Mapping, RSS / Atom: {@code guid} / {@code id} is the uri (the {@code link} when the id is not
 * an http(s) URL or URN, as with {@code isPermaLink="false"} serial numbers or {@code tag:} ids;
 * the model has no separate link field); {@code title} the headline; {@code content:encoded}, else
 * {@code description} / {@code content}, else {@code summary} the body, HTML sanitized to plain
 * text; {@code pubDate} / {@code published}, else {@code updated} the first-created time (the time
 * of receipt when absent, as for plain text: it never affects deduplication); the item's
 * {@code source} / {@code source/title}, else the channel or feed title, the source; the channel's
 * {@code language} / {@code xml:lang} the language. Items declare no version: a changed item is the
 * article's next version, an unchanged one a duplicate, so a re-posted feed is harmless.
 */
@Component
public class FeedStoryReader {

    public static final String RSS = "application/rss+xml";

    public static final String ATOM = "application/atom+xml";

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";

    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    /** The JDK parser's limit on element nesting (JAXP {@code jdk.xml.maxElementDepth}). */
    private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

    /**
     * Far deeper than any feed nests, even with XHTML content; without a limit a deeply nested
     * document overflows the stack of the DOM's recursive text reading.
     */
    public static final int MAX_DEPTH = 256;

    /**
     * One item or entry: the story it maps to, or why it cannot be one.
     *
     * @param position the 1-based position among the document's items
     */
    public record Item(int position, @Nullable MappedStory story, @Nullable RuntimeException failure) {

        /** The story, or the failure as an error: an item holds one of the two. */
        public Mono<MappedStory> outcome() {
            return story != null ? Mono.just(story)
                    : Mono.error(failure != null ? failure : new IllegalStateException("item without story"));
        }
    }

    private final Clock clock;

    private final StoryValidator validator;

    FeedStoryReader(Clock clock, IngestProperties properties) {
        this.clock = clock;
        this.validator = new StoryValidator(properties.maxBodyChars());
    }

    /**
     * @throws StoryUnreadableException if the body is empty, not well-formed XML, has a DOCTYPE,
     *         is neither RSS nor Atom, or has no item
     */
    public List<Item> read(byte[] body) {
        if (body.length == 0) {
            throw StoryUnreadableException.missingBody();
        }
        Element root = parse(body).getDocumentElement();
        List<Item> items;
        if ("rss".equals(root.getLocalName()) && root.getNamespaceURI() == null) {
            Element channel = child(root, null, "channel");
            items = channel == null ? List.of() : read(children(channel, null, "item"), item -> rssItem(item, channel));
        }
        else if ("feed".equals(root.getLocalName()) && ATOM_NS.equals(root.getNamespaceURI())) {
            items = read(children(root, ATOM_NS, "entry"), entry -> atomEntry(entry, root));
        }
        else {
            throw StoryUnreadableException.notAFeed(root.getTagName());
        }
        if (items.isEmpty()) {
            throw StoryUnreadableException.emptyFeed();
        }
        return items;
    }

    private static List<Item> read(List<Element> elements, Function<Element, MappedStory> mapping) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            try {
                items.add(new Item(i + 1, mapping.apply(elements.get(i)), null));
            }
            catch (StoryRejectedException rejected) {
                items.add(new Item(i + 1, null, rejected));
            }
        }
        return items;
    }

    private MappedStory rssItem(Element item, Element channel) {
        List<FieldViolation> violations = new ArrayList<>();
        FieldLocations locations = new FieldLocations().put("headline", "title", null).put("language", "language", null);
        String uri = uri(text(item, null, "guid"), "guid", text(item, null, "link"), locations);
        String headline = headline(text(item, null, "title"));
        String encoded = text(item, CONTENT_NS, "encoded");
        locations.put("body", encoded != null ? "content:encoded" : "description", null);
        String body = encoded != null ? encoded : text(item, null, "description");
        String source = text(item, null, "source");
        locations.put("source", source != null ? "source" : "channel title", null);
        if (source == null) {
            source = text(channel, null, "title");
        }
        String pubDate = text(item, null, "pubDate");
        locations.put("firstCreated", "pubDate", null);
        String firstCreated = instant(pubDate, "pubDate", "an RFC 822 date such as Tue, 03 Mar 2026 10:00:00 GMT",
                text -> ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), violations);
        StoryRequest request = new StoryRequest(uri, null, headline, body == null ? null : SanitizedHtml.plainText(body),
                source, firstCreated, text(channel, null, "language"));
        return MappedStory.checked(request, locations, violations, validator);
    }

    private MappedStory atomEntry(Element entry, Element feed) {
        List<FieldViolation> violations = new ArrayList<>();
        FieldLocations locations = new FieldLocations().put("headline", "title", null).put("language", "xml:lang", null);
        String uri = uri(text(entry, ATOM_NS, "id"), "id", alternateLink(entry), locations);
        Element content = child(entry, ATOM_NS, "content");
        if (content != null && content.hasAttribute("src")) {
            content = null;
        }
        locations.put("body", content != null ? "content" : "summary", null);
        String body = textConstruct(content != null ? content : child(entry, ATOM_NS, "summary"));
        Element sourceFeed = child(entry, ATOM_NS, "source");
        String source = sourceFeed == null ? null : text(sourceFeed, ATOM_NS, "title");
        locations.put("source", source != null ? "source title" : "feed title", null);
        if (source == null) {
            source = textConstruct(child(feed, ATOM_NS, "title"));
        }
        String published = text(entry, ATOM_NS, "published");
        String dateField = published != null ? "published" : "updated";
        locations.put("firstCreated", dateField, null);
        String firstCreated = instant(published != null ? published : text(entry, ATOM_NS, "updated"), dateField,
                "an RFC 3339 date-time such as 2026-03-03T10:00:00Z",
                text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), violations);
        String language = entry.hasAttributeNS(XMLConstants.XML_NS_URI, "lang")
                ? entry.getAttributeNS(XMLConstants.XML_NS_URI, "lang")
                : feed.hasAttributeNS(XMLConstants.XML_NS_URI, "lang") ? feed.getAttributeNS(XMLConstants.XML_NS_URI, "lang")
                        : null;
        StoryRequest request = new StoryRequest(uri, null, headline(textConstruct(child(entry, ATOM_NS, "title"))), body,
                source, firstCreated, language);
        return MappedStory.checked(request, locations, violations, validator);
    }

    /** The id when it can identify a story, else the link when that can, else the id to be rejected. */
    private static @Nullable String uri(@Nullable String id, String idField, @Nullable String link,
            FieldLocations locations) {
        boolean useLink = link != null && (id == null || !StoryValidator.isStoryUri(id.strip()))
                && StoryValidator.isStoryUri(link.strip());
        locations.put("uri", useLink ? "link" : idField, null);
        return useLink ? link : id;
    }

    private static @Nullable String headline(@Nullable String title) {
        return title == null ? null : SanitizedHtml.plainText(title);
    }

    /** A date in the format's own syntax as the ISO-8601 instant of the story; receipt time when absent. */
    private String instant(@Nullable String raw, String field, String expected, Function<String, Instant> parser,
            List<FieldViolation> violations) {
        if (raw == null || raw.isBlank()) {
            return clock.instant().toString();
        }
        try {
            return parser.apply(raw.strip()).toString();
        }
        catch (DateTimeException e) {
            violations.add(new FieldViolation(field, "must be " + expected));
            return raw;
        }
    }

    /** An Atom text construct as plain text: {@code text} as is, {@code html} and {@code xhtml} sanitized. */
    private static @Nullable String textConstruct(@Nullable Element element) {
        if (element == null) {
            return null;
        }
        String type = element.getAttribute("type");
        if ("xhtml".equals(type)) {
            Element div = child(element, XHTML_NS, "div");
            return SanitizedHtml.of(div == null ? "" : innerMarkup(div)).text();
        }
        String text = element.getTextContent();
        return "html".equals(type) || "text/html".equals(type) ? SanitizedHtml.of(text).text() : text;
    }

    private static String innerMarkup(Element element) {
        LSSerializer serializer = ((DOMImplementationLS) element.getOwnerDocument().getImplementation())
                .createLSSerializer();
        serializer.getDomConfig().setParameter("xml-declaration", false);
        StringBuilder markup = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            markup.append(serializer.writeToString(node));
        }
        return markup.toString();
    }

    private static @Nullable String alternateLink(Element entry) {
        for (Element link : children(entry, ATOM_NS, "link")) {
            String rel = link.getAttribute("rel");
            if ((rel.isEmpty() || "alternate".equals(rel)) && link.hasAttribute("href")) {
                return link.getAttribute("href");
            }
        }
        return null;
    }

    private static @Nullable String text(Element parent, @Nullable String namespace, String name) {
        Element child = child(parent, namespace, name);
        return child == null ? null : child.getTextContent();
    }

    private static @Nullable Element child(Element parent, @Nullable String namespace, String name) {
        List<Element> children = children(parent, namespace, name);
        return children.isEmpty() ? null : children.get(0);
    }

    private static List<Element> children(Element parent, @Nullable String namespace, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && Objects.equals(namespace, element.getNamespaceURI())) {
                children.add(element);
            }
        }
        return children;
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ERROR);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are not allowed");
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(body)));
        }
        catch (SAXParseException e) {
            throw StoryUnreadableException.malformedXml(e.getMessage(), e.getLineNumber(), e.getColumnNumber());
        }
        catch (SAXException | IOException e) {
            throw StoryUnreadableException.malformedXml(e.getMessage(), -1, -1);
        }
        catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be hardened", e);
        }
    }

    /** A new factory per document: factories are not thread-safe, and this one is cheap next to parsing. */
    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute(MAX_ELEMENT_DEPTH, Integer.toString(MAX_DEPTH));
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** Errors end the parse with an exception instead of being printed to stderr and skipped. */
    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {

        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
