/**
 * The words of an article as the archive index sees them: one analysis of headline and body that
 * both the related-article search and the keywords use.
 */
@NullMarked
package org.newsroom.enrich.terms;

import org.jspecify.annotations.NullMarked;
