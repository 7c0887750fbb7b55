package org.newsroom.enrich.evaluation;

import org.newsroom.contract.TextField;

/**
 * An entity mention by position and class, the unit that is counted as correct or not.
 *
 * @param field the article field the offsets refer to
 * @param start offset of the first character
 * @param end offset just past the last character
 * @param type the CoNLL class: PER, ORG, LOC or MISC
 */
public record LabeledSpan(TextField field, int start, int end, String type) {
}
