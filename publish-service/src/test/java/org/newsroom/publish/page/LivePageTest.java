package org.newsroom.publish.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.newsroom.publish.EnrichedArticles.enriched;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleIds;
import org.newsroom.publish.PublishServiceTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * found at fixed paths so that nothing is ever downloaded), against the running service fed over
 * the embedded broker. Skipped where the browser is not installed.
 */
class LivePageTest extends PublishServiceTestBase {

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static final File CHROMIUM = new File("/usr/bin/chromium");

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path profile;

    private ChromeDriverService service;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(CHROMEDRIVER.canExecute() && CHROMIUM.canExecute(),
                "needs Debian's chromium and chromium-driver at /usr/bin");
        profile = Files.createTempDirectory("live-page-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
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
