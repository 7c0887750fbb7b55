package org.newsroom.enrich.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the ISO 639-3 codes of the language detector into BCP 47 tags. BCP 47 wants the shortest
 * ISO 639 code, so a language with a two-letter code gets it ("deu" → "de"); others keep their
 * three letters, which is valid BCP 47. Individual languages that the detector reports instead of
 * their macrolanguage (Mandarin, Standard Malay, ...) are written as the macrolanguage, as news
 * metadata and browsers expect.
 */
public final class LanguageTags {

    private static final Map<String, String> MACROLANGUAGES = Map.of(
            "cmn", "zh", "zsm", "ms", "pes", "fa", "ekk", "et", "lvs", "lv", "azj", "az", "uzn", "uz", "swh", "sw",
            "khk", "mn", "nob", "nb");

    private static final Map<String, String> TWO_LETTER_BY_THREE = twoLetterCodes();

    private LanguageTags() {
    }

    /** The BCP 47 tag of an ISO 639-3 code. */
    public static String fromIso6393(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        return MACROLANGUAGES.getOrDefault(lower, TWO_LETTER_BY_THREE.getOrDefault(lower, lower));
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String twoLetter : Locale.getISOLanguages()) {
            codes.put(new Locale(twoLetter).getISO3Language(), twoLetter);
        }
        return Map.copyOf(codes);
    }
}
