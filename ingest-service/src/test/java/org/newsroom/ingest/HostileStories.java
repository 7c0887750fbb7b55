package org.newsroom.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * A seeded generator of malformed and hostile story requests in every format the service reads:
 * broken and wrongly typed JSON, huge and deeply nested values, XSS, Unicode edge cases (lone
 * surrogates, NULs, invalid UTF-8, BOMs, bidi overrides), broken XML, XXE and entity bombs, and
 * bad or missing signatures. Many requests are valid after all (a sanitized XSS body is a story);
 * the same seed always yields the same requests, so a failure is reproduced by its seed.
 */
final class HostileStories {

    enum Signing {
        VALID, WRONG_SECRET, MISSING_SIGNATURE, UNKNOWN_KEY, OTHER_BODY, MALFORMED_SIGNATURE, MISSING_KEY,
        /** webhook-signature with a timestamp ten minutes old. */
        WEBHOOK_EXPIRED,
        /** webhook-signature, then a signed header changed. */
        WEBHOOK_TAMPERED
    }

    /** Whatever its format, a story written from it must carry no markup. */
    record Request(int index, String kind, String contentType, byte[] body, Signing signing,
            Map<String, String> headers) {

        @Override
        public String toString() {
            return "request #" + index + " (" + kind + ", " + contentType + ", " + signing + ", " + body.length
                    + " bytes)";
        }
    }

    private static final List<String> TEXTS = List.of("Council approves budget", "Z\u00fcrich \u2013 Caf\u00e9 \u2615 \ud83d\ude80",
            "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac",
            "Cafe\u0301 de\u0301compose\u0301", "\u4e2d\u6587\u65b0\u95fb", "tab\there", "AT&T shares rise 3% as a < b",
            "zero\u200bwidth\u200d joiner", "\u202eevil override\u202c", "line\u2028separator", "  padded  ",
            "emoji \ud83c\udff3\ufe0f\u200d\ud83c\udf08 flag");

    /** Markup meant to run; every piece of it must be gone from a written story. */
    private static final List<String> XSS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">link</a>", "<svg/onload=alert(1)>",
            "<p style=\"background:url(javascript:alert(1))\">styled</p>", "<iframe src=javascript:alert(1)></iframe>",
            "\"><script>alert(1)</script>", "<IMG SRC=JaVaScRiPt:alert('XSS')>", "<body onload=alert(1)>text</body>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<div onmouseover=\"alert(1)\">hover</div>",
            "<a href=\"jav&#x09;ascript:alert(1)\">tab</a>", "<object data=\"javascript:alert(1)\"></object>",
            "<p>fine</p><SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<form action=javascript:alert(1)><input></form>",
            "<details open ontoggle=alert(1)>", "<p>ok</p><!--<script>alert(1)</script>-->");

    /** JSON escapes that decode to text no story may store, or may store only after checking. */
    private static final List<String> JSON_ESCAPES = List.of("\\ud800", "\\udc00x", "a\\ud83d", "\\u0000", "nul\\u0000nul",
            "\\u001f", "\\u0007bell", "\\ufeffbom", "\\uffff", "\\ud83d\\ude80 ok", "\\u0085next", "\\u200b");

    /** Times Instant.parse reads but no later stage can hold. */
    static final List<String> ABSURD_TIMES = List.of("+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z");

    /** A year after the test's fixed clock, beyond any skew. */
    static final String FUTURE_FIRST_CREATED = "2027-03-04T05:06:07Z";

    private final Random random;

    private final long seed;

    HostileStories(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    Request next(int index) {
        Signing signing = random.nextInt(100) < 8 ? pick(List.of(Signing.values()).subList(1, Signing.values().length))
                : Signing.VALID;
        int format = random.nextInt(100);
        if (format < 28) {
            return new Request(index, "json", "application/json", corrupt(nativeJson(uri(index, 0), true)), signing,
                    Map.of());
        }
        if (format < 38) {
            return plainText(index, signing);
        }
        if (format < 52) {
            return new Request(index, "ndjson", "application/x-ndjson", ndjson(index), signing, Map.of());
        }
        if (format < 76) {
            return new Request(index, "ninjs", pick(List.of("application/ninjs+json", "application/vnd.iptc.ninjs+json")),
                    corrupt(ninjs(uri(index, 0))), signing, Map.of());
        }
        if (format < 88) {
            return new Request(index, "rss", pick(List.of("application/rss+xml", "application/xml", "text/xml")),
                    corruptXml(rss(index)), signing, Map.of());
        }
        return new Request(index, "atom", pick(List.of("application/atom+xml", "application/xml")), corruptXml(atom(index)),
                signing, Map.of());
    }

    private String uri(int index, int item) {
        return "urn:newsroom:fuzz:" + seed + "-" + index + "-" + item;
    }

    // ---- native JSON and NDJSON

    private String nativeJson(String uri, boolean mayBeHuge) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("uri", quote(uri));
        fields.put("headline", textOrXss());
        fields.put("body", bodyValue());
        fields.put("source", quote("Fuzz Agency"));
        fields.put("firstCreated", quote(random.nextInt(6) > 0 ? "2026-01-02T03:04:05Z"
                : pick(List.of(ABSURD_TIMES.get(0), ABSURD_TIMES.get(1), ABSURD_TIMES.get(2), FUTURE_FIRST_CREATED))));
        if (random.nextInt(8) == 0) {
            // An absurd embargo, or a misspelled one that must not publish at once
            fields.put(pick(List.of("embargoed", "embargo", "embargoedUntil")), quote(pick(ABSURD_TIMES)));
        }
        if (random.nextBoolean()) {
            fields.put("language", quote(pick(List.of("en", "de-CH", "en-gb", "xx-invalid-tag-", "", "123"))));
        }
        if (random.nextInt(4) == 0) {
            fields.put("version", pick(List.of("1", "2", "0", "-1", "9223372036854775807", "99999999999999999999999",
                    "1.5", "\"3\"", "1e400", "null", "9007199254740991", "9007199254740992")));
        }
        if (random.nextInt(5) == 0) {
            fields.put("pubstatus", quote(pick(List.of("usable", "canceled", "withheld", "embargoed", "", "USABLE"))));
        }
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            String field = pick(new ArrayList<>(fields.keySet()));
            switch (random.nextInt(mayBeHuge ? 7 : 6)) {
                case 0 -> fields.remove(field);
                case 1 -> fields.put(field, wrongType());
                case 2 -> fields.put(field, quote(pick(JSON_ESCAPES), false));
                case 3 -> fields.put(field, deep());
                case 4 -> fields.put("x" + random.nextInt(1000), deep());
                case 5 -> fields.put(field, quote("x".repeat(900 + random.nextInt(4000))));
                default -> fields.put("body", quote("Lorem ipsum dolor sit amet. ".repeat(
                        random.nextInt(8) == 0 ? 37_450 + random.nextInt(2000) : 1 + random.nextInt(2000))));
            }
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "").append(quote(name)).append(": ")
                .append(value));
        return json.append('}').toString();
    }

    private byte[] ndjson(int index) {
        StringBuilder lines = new StringBuilder();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String line = random.nextInt(5) == 0 ? pick(List.of("{", "[]", "null", "not json", "{\"uri\": }", "\u0000",
                    "{\"uri\": \"" + uri(index, i) + "\"")) : nativeJson(uri(index, i), false);
            lines.append(line).append(pick(List.of("\n", "\r\n", "\n\n", "\n  \n")));
        }
        return corrupt(lines.toString().getBytes(StandardCharsets.UTF_8), 10);
    }

    // ---- plain text

    private Request plainText(int index, Signing signing) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextInt(10) > 0) {
            headers.put("X-Story-Uri", pick(List.of(uri(index, 0), uri(index, 0), "not a uri", "ftp://x.example/1",
                    "https://", "urn:x", "a b")));
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-Story-Version", pick(List.of("2", "0", "-5", "abc", "99999999999999999999", "1.0",
                    "9223372036854775807", "9007199254740992", "9007199254740991")));
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-First-Created", pick(List.of("2026-01-02T03:04:05Z", "yesterday", "2026-02-30T00:00:00Z", "0",
                    ABSURD_TIMES.get(0), ABSURD_TIMES.get(1), FUTURE_FIRST_CREATED)));
        }
        if (random.nextInt(4) == 0) {
            headers.put("Content-Language", pick(List.of("en", "de-DE", "!!", "x")));
        }
        StringBuilder text = new StringBuilder();
        int lines = random.nextInt(8);
        for (int i = 0; i < lines; i++) {
            text.append(random.nextInt(4) == 0 ? pick(XSS) : pick(TEXTS)).append(pick(List.of("\n", "\r\n", "\n\n")));
        }
        if (random.nextInt(5) == 0) {
            text.append(pick(List.of("Continue reading at Fuzz Wire.", "Read more Other story \u2192", "\u0000",
                    "\ud800".repeat(1))));
        }
        String charset = pick(List.of("", "", "", "; charset=utf-8", "; charset=ISO-8859-1", "; charset=UTF-16",
                "; charset=US-ASCII"));
        byte[] body = charset.contains("UTF-16") ? text.toString().getBytes(StandardCharsets.UTF_16)
                : text.toString().getBytes(StandardCharsets.UTF_8);
        return new Request(index, "text", "text/plain" + charset, corrupt(body, 15), signing, headers);
    }

    // ---- ninjs

    private String ninjs(String uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("uri", quote(uri));
        fields.put("type", quote("text"));
        fields.put("version", quote("1"));
        fields.put("firstcreated", quote("2026-03-02T07:15:00+01:00"));
        fields.put("pubstatus", quote(pick(List.of("usable", "usable", "canceled", "withheld"))));
        fields.put("headlines", "[{\"role\": \"main\", \"value\": " + textOrXss() + "}]");
        String bodyType = pick(List.of("text/html", "text/html; charset=utf-8", "text/plain"));
        fields.put("bodies", "[{\"role\": \"main\", \"contenttype\": " + quote(bodyType) + ", \"value\": "
                + quote(bodyType.equals("text/plain") ? pick(TEXTS) : html()) + "}]");
        fields.put("infosources", "[{\"name\": \"Fuzz Wire\"}]");
        fields.put("subjects", "[{\"name\": \"economy\", \"relevance\": 80}]");
        fields.put("language", quote("en"));
        if (random.nextInt(6) == 0) {
            fields.put("embargoed", quote(pick(List.of("2026-03-01T00:00:00Z", "2099-01-01T00:00:00Z", "soon"))));
        }
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            String field = pick(new ArrayList<>(fields.keySet()));
            switch (random.nextInt(9)) {
                case 0 -> fields.remove(field);
                case 1 -> fields.put(field, wrongType());
                case 2 -> fields.put(field, quote(pick(JSON_ESCAPES), false));
                case 3 -> fields.put(field, deep());
                case 4 -> fields.put("pubstatus", quote(pick(List.of("embargoed", "Usable", "", "killed"))));
                case 5 -> fields.put("urgency", pick(List.of("0", "10", "5", "\"1\"", "3.5", "-1")));
                case 6 -> fields.put("headlines", pick(List.of("[]", "[1]", "[{}]", "[{\"value\": null}]",
                        "{\"value\": \"x\"}", "[{\"value\": \"ok\", \"role\": 5}]", "[{\"value\": " + quote(pick(XSS))
                                + ", \"contenttype\": \"text/html\"}]")));
                case 7 -> fields.put("bodies", pick(List.of("[]", "[{\"contenttype\": \"application/nitf+xml\", \"value\": \"<nitf/>\"}]",
                        "[{\"value\": 5}]", "[{\"value\": \"ok\", \"charcount\": \"ten\"}]", "\"body\"")));
                default -> fields.put("associations", "[" + "{\"uri\": \"urn:a:b\", \"name\": \"n\"},".repeat(random.nextInt(2000))
                        + "{\"name\": \"no uri\"}]");
            }
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "").append(quote(name)).append(": ")
                .append(value));
        return json.append('}').toString();
    }

    // ---- RSS and Atom

    private String rss(int index) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Fuzz Gazette</title>"
                + "<language>en</language>\n");
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            xml.append("<item>");
            if (random.nextInt(8) > 0) {
                xml.append("<guid>").append(xmlText(pick(List.of(uri(index, i), uri(index, i), "gazette-" + i)))).append("</guid>");
            }
            if (random.nextInt(3) == 0) {
                xml.append("<link>https://gazette.example/").append(seed).append('/').append(index).append('/').append(i)
                        .append("</link>");
            }
            if (random.nextInt(8) > 0) {
                xml.append("<title>").append(xmlText(random.nextInt(4) == 0 ? pick(XSS) : pick(TEXTS))).append("</title>");
            }
            if (random.nextInt(6) > 0) {
                xml.append("<pubDate>").append(pick(List.of("Tue, 03 Mar 2026 10:00:00 GMT", "Mon, 02 Mar 2026 18:45:00 -0500",
                        "2026-03-03", "Tue, 31 Feb 2026 10:00:00 GMT", ""))).append("</pubDate>");
            }
            if (random.nextBoolean()) {
                xml.append("<description>").append(xmlText(html())).append("</description>");
            }
            else {
                xml.append("<content:encoded><![CDATA[").append(html().replace("]]>", "]]&gt;")).append("]]></content:encoded>");
            }
            xml.append("</item>\n");
        }
        return xml.append("</channel></rss>").toString();
    }

    private String atom(int index) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + "xml:lang=\"" + pick(List.of("en", "de", "!!")) + "\"><title>Fuzz Feed</title><id>tag:fuzz.example,2026:feed</id>\n");
        int entries = 1 + random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            xml.append("<entry>");
            if (random.nextInt(8) > 0) {
                xml.append("<id>").append(xmlText(pick(List.of(uri(index, i), uri(index, i), "tag:fuzz.example,2026:" + i))))
                        .append("</id>");
            }
            xml.append("<link rel=\"alternate\" href=\"https://fuzz.example/").append(seed).append('/').append(index).append('/')
                    .append(i).append("\"/>");
            String titleType = pick(List.of("text", "html", "xhtml"));
            xml.append("<title type=\"").append(titleType).append("\">")
                    .append(titleType.equals("xhtml") ? "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtmlSafe(pick(TEXTS)) + "</div>"
                            : xmlText(titleType.equals("html") ? pick(XSS) + " " + pick(TEXTS) : pick(TEXTS)))
                    .append("</title>");
            xml.append("<updated>").append(pick(List.of("2026-03-02T16:00:00Z", "2026-03-03T07:30:00+01:00", "yesterday")))
                    .append("</updated>");
            String contentType = pick(List.of("html", "xhtml", "text", "html"));
            if (random.nextInt(6) > 0) {
                xml.append("<content type=\"").append(contentType).append("\">")
                        .append(contentType.equals("xhtml") ? "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>"
                                + xhtmlSafe(pick(TEXTS)) + "</p><script>alert(1)</script><p onclick=\"alert(2)\">x</p></div>"
                                : xmlText(contentType.equals("html") ? html() : pick(TEXTS)))
                        .append("</content>");
            }
            xml.append("</entry>\n");
        }
        return xml.append("</feed>").toString();
    }

    private byte[] corruptXml(String xml) {
        return switch (random.nextInt(14)) {
            case 0 -> xml.replaceFirst("\\?>", "?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                    .replaceFirst("<title>", "<title>&xxe;").getBytes(StandardCharsets.UTF_8);
            case 1 -> xml.replaceFirst("\\?>", "?>\n<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>").replaceFirst("<title>", "<title>&c;")
                    .getBytes(StandardCharsets.UTF_8);
            case 2 -> xml.replaceFirst("\\?>", "?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p;]>")
                    .getBytes(StandardCharsets.UTF_8);
            case 3 -> xml.replaceFirst("<title>", "<title>" + pick(List.of("&#0;", "&#xD800;", "&nbsp;", "&undefined;", "&#x1;")))
                    .getBytes(StandardCharsets.UTF_8);
            case 4 -> {
                int depth = random.nextInt(4) == 0 ? 100_000 + random.nextInt(200_000) : 100 + random.nextInt(400);
                yield xml.replaceFirst("<title>", "<title>" + "<d>".repeat(depth) + "deep" + "</d>".repeat(depth))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> xml.replaceFirst("<rss|<feed", "<html").getBytes(StandardCharsets.UTF_8);
            case 6 -> xml.replaceAll("<item>.*?</item>|<entry>.*?</entry>", "").getBytes(StandardCharsets.UTF_8);
            case 7 -> xml.replaceFirst("<title>", "<title><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                    + "href=\"file:///etc/passwd\" parse=\"text\"/>").getBytes(StandardCharsets.UTF_8);
            default -> corrupt(xml.getBytes(StandardCharsets.UTF_8), 40);
        };
    }

    // ---- values

    private String textOrXss() {
        return random.nextInt(3) == 0 ? quote(pick(XSS) + " " + pick(TEXTS)) : quote(pick(TEXTS));
    }

    private String bodyValue() {
        return random.nextInt(6) == 0 ? quote(pick(JSON_ESCAPES) + " body", false) : quote(html());
    }

    /** A partner-like body: paragraphs of text, often with hostile markup mixed in. */
    private String html() {
        StringBuilder html = new StringBuilder();
        int paragraphs = 1 + random.nextInt(4);
        for (int i = 0; i < paragraphs; i++) {
            html.append(random.nextBoolean() ? "<p>" + xmlText(pick(TEXTS)) + "</p>" : pick(TEXTS) + "\n\n");
            if (random.nextInt(3) == 0) {
                html.append(pick(XSS));
            }
        }
        if (random.nextInt(20) == 0) {
            int depth = 600 + random.nextInt(8_000);
            html.append("<div>".repeat(depth)).append("deep").append("</div>".repeat(depth));
        }
        return html.toString();
    }

    private String wrongType() {
        return pick(List.of("42", "-1", "1.5e308", "true", "false", "null", "[]", "{}", "[\"a\"]", "{\"a\": 1}", "\"\"",
                "1e99999", "-0", "[null]", "{\"value\": \"x\"}"));
    }

    private String deep() {
        int depth = pick(List.of(50, 400, 501, 1000, 5000, 20_000));
        return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** Byte-level damage to a JSON document, in about one request of four. */
    private byte[] corrupt(String json) {
        return corrupt(json.getBytes(StandardCharsets.UTF_8), 25);
    }

    private byte[] corrupt(byte[] bytes, int percent) {
        if (random.nextInt(100) >= percent || bytes.length == 0) {
            return bytes;
        }
        int at = random.nextInt(bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(8)) {
            case 0 -> out.write(bytes, 0, at);
            case 1 -> {
                out.write(bytes, 0, at);
                out.writeBytes(pick(List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                        new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xFF }, new byte[] { 0 })));
                out.write(bytes, at, bytes.length - at);
            }
            case 2 -> {
                out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
                out.writeBytes(bytes);
            }
            case 3 -> {
                byte[] flipped = bytes.clone();
                flipped[at] = (byte) random.nextInt(256);
                out.writeBytes(flipped);
            }
            case 4 -> {
                byte[] noise = new byte[1 + random.nextInt(2000)];
                random.nextBytes(noise);
                out.writeBytes(noise);
            }
            case 5 -> {
            }
            case 6 -> {
                out.writeBytes(bytes);
                out.writeBytes(bytes);
            }
            default -> out.writeBytes(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE));
        }
        return out.toByteArray();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String quote(String text) {
        return quote(text, true);
    }

    /**
     * A JSON string literal; with {@code escape} false the text is taken as already escaped. Escaping
     * works on chars, so a lone surrogate stays one: the kind of text a broken encoder sends.
     */
    private static String quote(String text, boolean escape) {
        return "\"" + (escape ? new String(JsonStringEncoder.getInstance().quoteAsCharArray(text)) : text) + "\"";
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text that is well-formed inside XHTML markup. */
    private static String xhtmlSafe(String text) {
        return xmlText(text);
    }
}
