package org.newsroom.enrich.related;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsroom.contract.RelatedLink;
import org.newsroom.enrich.text.ReadMoreLines;

/**
 * Related links that the article's own body points at.
 *
 * <ul>
 * <li>A partner's teaser line "Read more &lt;title&gt; →" names another story by title only. It
 * becomes a link with that title, reason {@value #READ_MORE_REASON}, score
 * {@value #READ_MORE_SCORE} (the partner's editors chose it) and an <em>empty uri</em>: the
 * teaser does not say which story it is, and an invented urn would look resolvable when it is
 * not. Resolving the title against the archive is the related-articles index's job.
 * <li>Every distinct http(s) URL in the text becomes a link to itself, reason
 * {@value #URL_REASON}, score {@value #URL_SCORE}: it is the author's reference, but nothing says
 * how closely it is related.
 * </ul>
 */
public final class TextRelatedLinks {

    static final String READ_MORE_REASON = "partner read-more hint";
    static final double READ_MORE_SCORE = 1.0;
    static final String URL_REASON = "link in text";
    static final double URL_SCORE = 0.5;

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"()]+", Pattern.CASE_INSENSITIVE);

    /** Punctuation that ends a sentence after a URL rather than belonging to it. */
    private static final String TRAILING_PUNCTUATION = ".,;:!?'’”";

    private TextRelatedLinks() {
    }

    /** Read-more hints first, then URLs, each in text order. */
    public static List<RelatedLink> in(String body) {
        List<RelatedLink> links = new ArrayList<>();
        for (ReadMoreLines.ReadMoreLine teaser : ReadMoreLines.in(body)) {
            links.add(readMore(teaser.title()));
        }
        Set<String> urls = new LinkedHashSet<>();
        Matcher matcher = URL.matcher(body);
        while (matcher.find()) {
            urls.add(stripTrailingPunctuation(matcher.group()));
        }
        urls.forEach(url -> links.add(new RelatedLink(url, url, URL_SCORE, URL_REASON)));
        return links;
    }

    /** A read-more hint to the story with this title, not yet resolved: its uri is empty. */
    static RelatedLink readMore(String title) {
        return new RelatedLink("", title, READ_MORE_SCORE, READ_MORE_REASON);
    }

    private static String stripTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }
}
