package org.newsroom.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SanitizedHtmlTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = SanitizedHtmlTest.class.getResourceAsStream("/formats/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void nothingThatRunsOrLoadsSurvivesAPartnersCmsBody() throws IOException {
        SanitizedHtml sanitized = SanitizedHtml.of(resource("cms-story-body.html"));

        assertThat(sanitized.html().toLowerCase()).doesNotContain("<script", "_gaq", "onclick", "onmouseover", "onload",
                "javascript:", "style", "<img", "<iframe", "<svg", "<form", "<input", "pixel.gif", "display: none");
        assertThat(sanitized.html()).contains("<h1>Storm closes coastal road</h1>", "<strong>A39</strong>",
                "<a href=\"https://news.example/weather\">Weather updates</a>", "<a>Watch the video</a>");
    }

    @Test
    void thePlainTextHasOneParagraphPerBlockSeparatedByBlankLines() throws IOException {
        SanitizedHtml sanitized = SanitizedHtml.of(resource("cms-story-body.html"));

        assertThat(sanitized.text()).isEqualTo("""
                Storm closes coastal road

                Heavy rain closed the A39 between Minehead and Porlock on Sunday, police said.

                Drivers were told to use the B3224 instead.
                Diversions will stay until Tuesday.

                "We have never seen water this high," said one resident.

                Watch the video \u00b7 Weather updates""");
    }

    @Test
    void listsHeadingsAndEntitiesBecomeReadableText() {
        SanitizedHtml sanitized = SanitizedHtml.of("<h2>Results</h2><ul><li>Caf&eacute; &amp; bar</li><li>3 &lt; 4</li></ul>"
                + "<table><tr><td>Berlin</td><td>12</td></tr><tr><td>Paris</td><td>9</td></tr></table>");

        assertThat(sanitized.text()).isEqualTo("Results\n\nCaf\u00e9 & bar\n\n3 < 4\n\nBerlin 12\n\nParis 9");
    }

    @Test
    void aBodyOfOnlyScriptsAndStylesHasNoText() {
        assertThat(SanitizedHtml.of("<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)>").text())
                .isEmpty();
    }

    @Test
    void textIsHtmlOnlyIfItHasATagOfAnHtmlElement() {
        assertThat(SanitizedHtml.looksLikeHtml("<p>Paragraph</p>")).isTrue();
        assertThat(SanitizedHtml.looksLikeHtml("Line<br/>break")).isTrue();
        assertThat(SanitizedHtml.looksLikeHtml("<SCRIPT SRC=x></SCRIPT>")).isTrue();
        assertThat(SanitizedHtml.looksLikeHtml("a <!-- comment -->")).isTrue();
        assertThat(SanitizedHtml.looksLikeHtml("Prices rose 3% as a < b and c > d")).isFalse();
        assertThat(SanitizedHtml.looksLikeHtml("if 3 <4 and x<y then <= 5")).isFalse();
        assertThat(SanitizedHtml.looksLikeHtml("<details open ontoggle=alert(1)>")).isTrue();
        assertThat(SanitizedHtml.plainText("AT&amp;T <b>rises</b>")).isEqualTo("AT&T rises");
        assertThat(SanitizedHtml.plainText("AT&amp;T rises")).isEqualTo("AT&amp;T rises");
    }

    @Test
    void deeplyNestedMarkupIsReadWithoutOverflowingTheStack() {
        String nested = "<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000);

        assertThat(SanitizedHtml.of(nested).text()).isEqualTo("deep");
    }
}
