package org.newsroom.contract;

/** What an article event does to the article downstream. */
public enum ArticleAction {
    /** First version of a story. */
    PUBLISHED,
    /** A later version that replaces the previous one. */
    UPDATED,
    /** A later version that corrects an error; subscribers should flag it as a correction. */
    CORRECTED,
    /** The story is withdrawn: downstream must remove its content. */
    KILLED
}
