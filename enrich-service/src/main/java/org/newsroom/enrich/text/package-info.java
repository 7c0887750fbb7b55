/** Structure found in partner plain text that several enrichment steps need. */
@NullMarked
package org.newsroom.enrich.text;

import org.jspecify.annotations.NullMarked;
