package org.newsroom.publish.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.newsroom.publish.EnrichedArticles.enriched;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleIds;
import org.newsroom.publish.PublishServiceTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in a real headless Chromium ({@link HeadlessChromium}), against the running service
 * fed over the embedded broker. Skipped where the browser is not installed.
 */
class LivePageTest extends PublishServiceTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private HeadlessChromium chromium;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(HeadlessChromium.isInstalled(), HeadlessChromium.missing());
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void showsAStoryLiveReplacesItsCorrectionAndDropsItWhenKilled() {
        // Given the page is open and live
        String uri = "urn:newsroom:it:live-page";
        String id = ArticleIds.fromUri(uri);
        By story = By.cssSelector("li.story[data-id='" + id + "']");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get("http://127.0.0.1:" + port + "/");
        wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "live"));

        // When a story is published whose headline looks like markup
        produce(0, enriched(uri, 1, ArticleAction.PUBLISHED, "Merkel <b>visits</b> Berlin"));

        // Then it appears with its headline as text and its entities as chips, linked where a link exists
        WebElement shown = wait.until(ExpectedConditions.presenceOfElementLocated(story));
        assertThat(shown.findElement(By.cssSelector("h2")).getText()).isEqualTo("Merkel <b>visits</b> Berlin");
        assertThat(shown.findElements(By.cssSelector("h2 b"))).isEmpty();
        assertThat(shown.findElement(By.cssSelector(".source")).getText()).isEqualTo("Newsroom Wire");
        WebElement merkel = shown.findElement(By.cssSelector("a.chip"));
        assertThat(merkel.getAttribute("href")).isEqualTo("https://en.wikipedia.org/wiki/Angela_Merkel");
        assertThat(merkel.getText()).startsWith("Angela Merkel");
        assertThat(shown.findElements(By.cssSelector("span.chip")).stream().map(WebElement::getText).toList())
                .singleElement().asString().startsWith("Berlin");
        assertThat(shown.findElement(By.cssSelector(".related-link")).getText()).isEqualTo("Earlier story");

        // When it is corrected, then the correction replaces it in place, marked
        produce(0, enriched(uri, 2, ArticleAction.CORRECTED, "Merkel visits Bonn"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("li.story[data-id='" + id + "'] h2"),
                "Merkel visits Bonn"));
        List<WebElement> versions = browser.findElements(story);
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).findElement(By.cssSelector(".badge.corrected")).getText()).isEqualTo("Corrected");

        // When it is killed, then it disappears from the page
        produce(0, enriched(uri, 3, ArticleAction.KILLED, "Merkel visits Bonn"));
        wait.until(ExpectedConditions.numberOfElementsToBe(story, 0));
    }
}
