package org.newsroom.enrich.entities;

import java.util.List;

import org.newsroom.contract.TextField;
import org.newsroom.enrich.text.ReadMoreLines;

/**
 * Drops mentions inside "Read more … →" teaser lines of the body: the teaser names the entities
 * of another story, and its title-case words also make the CRF see names everywhere.
 */
public final class TeaserMentionFilter implements MentionRefinement {

    @Override
    public List<RecognizedMention> refine(String headline, String body, List<RecognizedMention> mentions) {
        List<ReadMoreLines.ReadMoreLine> teasers = ReadMoreLines.in(body);
        if (teasers.isEmpty()) {
            return mentions;
        }
        return mentions.stream()
                .filter(recognized -> recognized.mention().field() != TextField.BODY || teasers.stream()
                        .noneMatch(teaser -> teaser.contains(recognized.mention().start(), recognized.mention().end())))
                .toList();
    }
}
