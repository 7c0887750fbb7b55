/** Access to the MongoDB database that holds the read model. */
@NullMarked
package org.newsroom.publish.mongo;

import org.jspecify.annotations.NullMarked;
