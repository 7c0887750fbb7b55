/**
 * Story clustering: groups the articles of any partner that report the same event within a time
 * window, from near-duplicate text (MinHash over word shingles, found through LSH bands), the
 * overlap of content words and shared salient entities. The state lives behind
 * {@link org.newsroom.enrich.cluster.ClusterArchive}, bounded by the window.
 */
@NullMarked
package org.newsroom.enrich.cluster;

import org.jspecify.annotations.NullMarked;
