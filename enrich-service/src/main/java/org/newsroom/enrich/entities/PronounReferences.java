package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsroom.contract.EntityType;
import org.newsroom.contract.Mention;
import org.newsroom.contract.TextField;

/**
 * Counts the personal pronouns that refer to each person of an article, for salience only: a
 * pronoun is never a mention. Each third-person singular pronoun ("he", "him", "his", "himself",
 * "she", "her", "hers", "herself", any case) is given to the person whose named mention comes
 * nearest before it in the article (the headline before the body). Gender is not checked, because
 * a name does not tell it reliably; a pronoun with no person named before it counts for nobody.
 * This is the simplest resolution that works on wire copy, where "he" mostly is the last person
 * named; it only makes a person who is talked about more rank higher.
 */
final class PronounReferences {

    private static final Pattern PERSONAL_PRONOUN =
            Pattern.compile("\\b(?:he|him|his|himself|she|her|hers|herself)\\b", Pattern.CASE_INSENSITIVE);

    private PronounReferences() {
    }

    /** For each cluster, in the given order, how many pronouns refer to it. */
    static int[] count(List<EntityCluster> clusters, String headline, String body) {
        List<PersonMention> persons = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            if (clusters.get(i).type() == EntityType.PERSON) {
                for (Mention mention : clusters.get(i).mentions()) {
                    persons.add(new PersonMention(mention, i));
                }
            }
        }
        persons.sort(Comparator.comparing((PersonMention person) -> person.mention().field())
                .thenComparingInt(person -> person.mention().end()));
        int[] references = new int[clusters.size()];
        Sweep sweep = new Sweep(persons);
        countIn(TextField.HEADLINE, headline, sweep, references);
        countIn(TextField.BODY, body, sweep, references);
        return references;
    }

    /** Pronouns are met in text order, so the nearest preceding person only ever moves forward. */
    private static void countIn(TextField field, String text, Sweep sweep, int[] references) {
        Matcher pronouns = PERSONAL_PRONOUN.matcher(text);
        while (pronouns.find()) {
            int person = sweep.lastBefore(field, pronouns.start());
            if (person >= 0) {
                references[person]++;
            }
        }
    }

    private record PersonMention(Mention mention, int cluster) {
    }

    private static final class Sweep {

        private final List<PersonMention> persons;
        private int next;
        private int last = -1;

        Sweep(List<PersonMention> persons) {
            this.persons = persons;
        }

        /** The cluster of the last person mention ending before the offset of the field, or -1. */
        int lastBefore(TextField field, int offset) {
            while (next < persons.size() && precedes(persons.get(next).mention(), field, offset)) {
                last = persons.get(next).cluster();
                next++;
            }
            return last;
        }

        private static boolean precedes(Mention mention, TextField field, int offset) {
            return mention.field().compareTo(field) < 0 || mention.field() == field && mention.end() <= offset;
        }
    }
}
