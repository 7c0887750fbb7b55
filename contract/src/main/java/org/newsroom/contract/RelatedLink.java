package org.newsroom.contract;

/**
 * An earlier article related to this one.
 *
 * @param uri the related article's uri, or an external URL
 * @param title its headline or link text
 * @param score relevance in [0, 1]
 * @param reason why it is related, for editors and readers
 */
public record RelatedLink(String uri, String title, double score, String reason) {
}
