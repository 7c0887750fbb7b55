/**
 * Entity quality measured the way newswire NER is judged: the service's entity pipeline on a
 * CoNLL-2003 file, scored by exact span and type. Runs outside Spring, from the exec jar.
 */
@NullMarked
package org.newsroom.enrich.evaluation;

import org.jspecify.annotations.NullMarked;
