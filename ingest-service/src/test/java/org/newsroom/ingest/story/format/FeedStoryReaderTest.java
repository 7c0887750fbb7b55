package org.newsroom.ingest.story.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.newsroom.ingest.story.FieldViolation;
import org.newsroom.ingest.story.StoryRejectedException;
import org.newsroom.ingest.story.StoryRequest;
import org.newsroom.ingest.story.StoryUnreadableException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStoryReaderTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private final FeedStoryReader reader = new FeedStoryReader(Clock.fixed(NOW, ZoneOffset.UTC),
            NinjsStoryReaderTest.PROPERTIES);

    private List<FeedStoryReader.Item> read(String xml) {
        return reader.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private StoryUnreadableException unreadable(String xml) {
        return catchThrowableOfType(StoryUnreadableException.class, () -> read(xml));
    }

    @Test
    void mapsEachRssItemAndKeepsABadOneApart() throws IOException {
        List<FeedStoryReader.Item> items = read(NinjsStoryReaderTest.resource("rss-partner-feed.xml"));

        assertThat(items).extracting(FeedStoryReader.Item::position).containsExactly(1, 2, 3);
        assertThat(items.get(0).story().request()).isEqualTo(new StoryRequest(
                "https://gazette.example/2026/03/03/council-bridge", null, "Council approves new bridge over the Elm River",
                "The Riverside city council voted 7\u20132 on Monday night to fund a new bridge over the Elm River.\n\n"
                        + "Mayor Daniel Okafor called it \"the biggest investment in a generation\".\n\nComment",
                "Riverside Gazette", "2026-03-03T10:00:00Z", "en-us"));
        assertThat(items.get(1).story().request()).isEqualTo(new StoryRequest(
                "https://gazette.example/2026/03/02/school-board", null, "School board race draws record field",
                "Eleven candidates filed for three seats on the Riverside school board.\n\nFiling closed at noon.",
                "Wire Services", "2026-03-02T23:45:00Z", "en-us"));
        assertThat(items.get(2).story()).isNull();
        assertThat(((StoryRejectedException) items.get(2).failure()).violations()).containsExactly(
                new FieldViolation("pubDate", "must be an RFC 822 date such as Tue, 03 Mar 2026 10:00:00 GMT"));
    }

    @Test
    void mapsEachAtomEntryWithItsTextConstructs() throws IOException {
        List<FeedStoryReader.Item> items = read(NinjsStoryReaderTest.resource("atom-partner-feed.xml"));

        assertThat(items.get(0).story().request()).isEqualTo(new StoryRequest(
                "https://nordwind.example/2026/03/hafen-rekord", null, "Hafen Hamburg meldet Rekordumschlag",
                "Der Hamburger Hafen hat im Februar so viele Container umgeschlagen wie nie zuvor.\n\n"
                        + "Die Hafenbeh\u00f6rde nannte 780.000 Standardcontainer.",
                "Nordwind Nachrichten", "2026-03-03T06:30:00Z", "de"));
        assertThat(items.get(1).story().request()).isEqualTo(new StoryRequest(
                "https://nordwind.example/en/2026/03/kiel-canal", null, "Kiel canal reopens after repairs",
                "The Kiel Canal reopened to shipping on Monday.\n\nRepairs to the Brunsb\u00fcttel locks took six weeks.",
                "Baltic Wire", "2026-03-02T16:00:00Z", "en"));
        MappedStory withoutBody = items.get(2).story();
        assertThat(withoutBody.request().body()).isNull();
        assertThat(withoutBody.locations().locate(new FieldViolation("body", "is required")))
                .isEqualTo(new FieldViolation("summary", "is required"));
    }

    @Test
    void anItemWithoutADateWasCreatedWhenItArrived() {
        List<FeedStoryReader.Item> items = read("""
                <rss version="2.0"><channel><title>Gazette</title>
                <item><title>Undated</title><guid>https://gazette.example/undated</guid><description>Text</description></item>
                </channel></rss>""");

        assertThat(items.get(0).story().request().firstCreated()).isEqualTo(NOW.toString());
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-7731");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>&xxe;</title>
                <item><title>&xxe;</title><guid>https://evil.example/1</guid><description>&xxe;</description></item>
                </channel></rss>""".formatted(secret.toUri());

        StoryUnreadableException failure = unreadable(xxe);

        assertThat(failure.getMessage()).startsWith("Malformed XML at line 2").contains("DOCTYPE")
                .doesNotContain("TOP-SECRET");
    }

    @Test
    void entityBombsAndParameterEntitiesAreRefusedWithTheirDoctype() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss version="2.0"><channel><item><title>&lol3;</title></item></channel></rss>""";
        String parameterEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
                <rss version="2.0"/>""";

        assertThat(unreadable(laughs).getMessage()).contains("DOCTYPE");
        assertThat(unreadable(parameterEntity).getMessage()).contains("DOCTYPE");
    }

    @Test
    void deeplyNestedElementsAreRefusedBeforeTheyCanOverflowTheStack() {
        String deep = "<rss version='2.0'><channel><item><title>" + "<d>".repeat(200_000) + "x" + "</d>".repeat(200_000)
                + "</title></item></channel></rss>";

        assertThat(unreadable(deep).getMessage()).startsWith("Malformed XML at line 1").contains("maxElementDepth");
    }

    @Test
    void xincludeIsNotProcessed() {
        List<FeedStoryReader.Item> items = read("""
                <rss version="2.0" xmlns:xi="http://www.w3.org/2001/XInclude"><channel><title>Gazette</title>
                <item><title><xi:include href="file:///etc/passwd" parse="text"/></title>
                <guid>https://evil.example/2</guid><description>Text</description></item></channel></rss>""");

        assertThat(items.get(0).story().request().headline()).isEmpty();
    }

    @Test
    void aDocumentThatIsNotAFeedOrHasNoItemIsUnreadable() {
        assertThat(unreadable("<html><body/></html>").getMessage())
                .isEqualTo("XML body must be an RSS 2.0 <rss> or Atom <feed> document, not <html>");
        assertThat(unreadable("<feed xmlns='urn:other'/>").getMessage())
                .isEqualTo("XML body must be an RSS 2.0 <rss> or Atom <feed> document, not <feed>");
        assertThat(unreadable("<rss version='2.0'><channel><title>Empty</title></channel></rss>").getMessage())
                .isEqualTo("The feed has no item or entry");
        assertThat(unreadable("<rss><channel><item>").getMessage()).startsWith("Malformed XML at line 1");
    }
}
