package org.newsroom.contract;

/** Kind of a named entity, following the CoNLL-2003 classes. */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION, MISC
}
