/**
 * Named-entity recognition behind our own {@link org.newsroom.enrich.entities.EntityRecognizer}
 * interface, so the NER engine can be swapped without touching ranking or messaging.
 */
@NullMarked
package org.newsroom.enrich.entities;

import org.jspecify.annotations.NullMarked;
