package org.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.publish.page.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

/**
 * What a reader sees: the live page of publish-service, open in a real headless Chromium, shows a
 * story that a partner pushes to ingest, enriched, without a reload. Skipped where the browser is
 * not installed.
 */
interface LivePageScenario {

    Duration DELIVERY = Duration.ofSeconds(90);

    NewsroomServices services();

    @Test
    default void aStoryPushedToIngestAppearsEnrichedOnTheOpenLivePage() {
        assumeTrue(HeadlessChromium.isInstalled(), HeadlessChromium.missing());
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            // Given a reader with the live page open
            WebDriver browser = chromium.browser();
            WebDriverWait wait = new WebDriverWait(browser, DELIVERY);
            browser.get(services().publish().resolve("/").toString());
            wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "live"));

            // When a partner pushes a story
            String uri = "urn:newsroom:e2e:live-page:" + UUID.randomUUID();
            IngestClient.Answer answer = new IngestClient(services().ingest()).push(Stories.json(uri,
                    "Google DeepMind opens a research lab in Lisbon",
                    "Google DeepMind said on Monday it would open a research lab in Lisbon, its first in Portugal."));
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            JsonNode accepted = answer.json();

            // Then it appears on the page with its headline and its entities as chips
            By story = By.cssSelector("li.story[data-id='" + accepted.get("articleId").asString() + "']");
            WebElement shown = wait.until(ExpectedConditions.presenceOfElementLocated(story));
            assertThat(shown.findElement(By.cssSelector("h2")).getText())
                    .isEqualTo("Google DeepMind opens a research lab in Lisbon");
            List<String> chips = shown.findElements(By.cssSelector(".chip")).stream().map(WebElement::getText).toList();
            assertThat(chips).anySatisfy(chip -> assertThat(chip).startsWith("Google DeepMind"))
                    .anySatisfy(chip -> assertThat(chip).startsWith("Lisbon"));
        }
    }
}
