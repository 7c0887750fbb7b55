package org.newsroom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void idIsStableUrlSafeAndDistinctPerUri() {
        String id = ArticleIds.fromUri("https://partner.example/news/2026/11/24/story?id=1");

        assertThat(id).hasSize(20).matches("[A-Za-z0-9_-]+");
        assertThat(ArticleIds.fromUri("https://partner.example/news/2026/11/24/story?id=1")).isEqualTo(id);
        assertThat(ArticleIds.fromUri("https://partner.example/news/2026/11/24/story?id=2")).isNotEqualTo(id);
    }
}
