package org.newsroom.enrich.language;

import java.util.Optional;

/** Detects the language of a text. */
@FunctionalInterface
public interface LanguageDetector {

    /** The BCP 47 tag of the text's language, or empty when the text is too short to tell. */
    Optional<String> detect(String text);
}
