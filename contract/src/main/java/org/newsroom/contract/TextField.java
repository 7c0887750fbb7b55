package org.newsroom.contract;

/** The part of an article that character offsets refer to. */
public enum TextField {
    HEADLINE, BODY
}
