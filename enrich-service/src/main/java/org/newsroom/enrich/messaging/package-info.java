/** The Spring Cloud Stream binding between the article topics and the enrichment service. */
@NullMarked
package org.newsroom.enrich.messaging;

import org.jspecify.annotations.NullMarked;
