package org.newsroom.enrich.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleEvent;

/** The benchmark's input: what it measures is only comparable if the articles are what they claim. */
class NewswireArticlesTest {

    @Test
    void makesTheSameVariedArticlesOfNewswireLengthFromTheSameSeed() {
        // When
        List<ArticleEvent> first = NewswireArticles.generate(NewswireArticles.COUNT, NewswireArticles.SEED);
        List<ArticleEvent> second = NewswireArticles.generate(NewswireArticles.COUNT, NewswireArticles.SEED);

        // Then
        assertThat(first).isEqualTo(second).hasSize(50);
        assertThat(first).allSatisfy(article -> assertThat(NewswireArticles.words(article.body()))
                .isBetween(NewswireArticles.MIN_WORDS, NewswireArticles.MAX_WORDS));
        assertThat(first).extracting(ArticleEvent::uri).doesNotHaveDuplicates();
        assertThat(first).extracting(ArticleEvent::headline).doesNotHaveDuplicates();
        assertThat(first.stream().mapToInt(article -> NewswireArticles.words(article.body())).summaryStatistics())
                .satisfies(stats -> {
                    assertThat(stats.getMin()).isLessThan(600);
                    assertThat(stats.getMax()).isGreaterThan(1200);
                });
        assertThat(first).extracting(ArticleEvent::language).containsOnlyNulls();
        assertThat(first).filteredOn(article -> article.body().contains("Read more ")).isNotEmpty();
        assertThat(first).filteredOn(article -> article.body().contains("https://")).isNotEmpty();
    }

    @Test
    void anotherSeedMakesOtherArticles() {
        assertThat(NewswireArticles.generate(3, 1L)).isNotEqualTo(NewswireArticles.generate(3, 2L));
    }
}
