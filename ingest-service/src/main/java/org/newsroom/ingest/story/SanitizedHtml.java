package org.newsroom.ingest.story;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/**
 * Partner HTML after sanitizing, and the plain text derived from it.
 * <p>
 * The safelist is jsoup's {@link Safelist#relaxed() relaxed} one without images: it keeps the
 * structure that tells paragraphs, headings, lists, quotes and tables apart, and drops everything
 * that can run or load something: scripts, styles and {@code style} attributes, event handler
 * attributes ({@code onclick}, ...), frames, forms, images, and links other than http(s), ftp and
 * mailto (so {@code javascript:} URLs never pass). Images go because a partner's image URL in our
 * pages would be a tracking pixel we never chose.
 * <p>
 * Only {@link #text()} reaches the article log: the {@code ArticleEvent} contract has a plain-text
 * body and no place for markup, and enrichment reads that body. The HTML is kept here so that the
 * sanitizing itself can be checked, and for the day the contract gets a field for it.
 *
 * @param html the sanitized HTML fragment
 * @param text the plain text: one paragraph per block element, paragraphs separated by a blank
 *        line, {@code <br>} as a line break, entities decoded, whitespace runs collapsed
 */
public record SanitizedHtml(String html, String text) {

    public static final Safelist SAFELIST = Safelist.relaxed().removeTags("img");

    /**
     * Anything shaped like a start or end tag ({@code <p>}, {@code </div>}, {@code <svg/onload=..>},
     * also of elements that do not exist, because browsers still parse those) or a comment. Plain
     * text that merely compares ({@code a < b}, {@code 3 <4}) does not match; bounded attribute text
     * keeps the match linear on hostile input.
     */
    private static final Pattern HTML_TAG = Pattern.compile("<!--|</?[A-Za-z][A-Za-z0-9:-]{0,64}(?:[\\s/][^<>]{0,2000})?>");

    private static final Set<String> PARAGRAPHS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "table", "tr", "caption");

    private static final Set<String> CELLS = Set.of("td", "th");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern SPACE_AROUND_LINE_BREAKS = Pattern.compile("[ \\t]*\n[ \\t]*");

    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    /** Whether text a partner declared as plain (or did not declare) is in fact HTML. */
    public static boolean looksLikeHtml(String text) {
        Matcher tag = HTML_TAG.matcher(text);
        return tag.find();
    }

    public static SanitizedHtml of(String html) {
        String clean = Jsoup.clean(html, "", SAFELIST, COMPACT);
        Document fragment = Jsoup.parseBodyFragment(clean);
        PlainText text = new PlainText();
        text.traverse(fragment.body());
        return new SanitizedHtml(clean, text.result());
    }

    /** The plain text of {@code text} if it looks like HTML, otherwise {@code text} unchanged. */
    public static String plainText(String text) {
        return looksLikeHtml(text) ? of(text).text() : text;
    }

    /** Walks the tree iteratively, so deeply nested hostile markup cannot overflow the stack. */
    private static final class PlainText implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();

        private int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                out.append(preDepth > 0 ? text.getWholeText() : WHITESPACE.matcher(text.getWholeText()).replaceAll(" "));
            }
            else if (node instanceof Element element) {
                String name = element.normalName();
                if (name.equals("br")) {
                    out.append('\n');
                }
                else if (PARAGRAPHS.contains(name)) {
                    out.append("\n\n");
                }
                if (name.equals("pre")) {
                    preDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String name = element.normalName();
                if (PARAGRAPHS.contains(name)) {
                    out.append("\n\n");
                }
                else if (CELLS.contains(name)) {
                    out.append(' ');
                }
                if (name.equals("pre")) {
                    preDepth--;
                }
            }
        }

        String result() {
            String lines = SPACE_AROUND_LINE_BREAKS.matcher(out.toString().replace("\u00a0", " ")).replaceAll("\n");
            return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
        }
    }
}
