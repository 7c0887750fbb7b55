/**
 * Story clusters as publish keeps them: the {@code clusters} collection maintained from the
 * enriched articles' clusters, and the HTTP query for one cluster.
 */
@NullMarked
package org.newsroom.publish.cluster;

import org.jspecify.annotations.NullMarked;
