package org.newsroom.publish.page;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for page tests: Debian's {@code chromium} and {@code chromium-driver} at
 * fixed paths, so that nothing is ever downloaded, with a fresh profile that is deleted on close.
 * Background networking is off, because this machine reaches no outside host. Shared with the
 * end-to-end tests through this module's test jar.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static final File CHROMIUM = new File("/usr/bin/chromium");

    private final Path profile;

    private final ChromeDriverService service;

    private final WebDriver browser;

    private HeadlessChromium() throws IOException {
        profile = Files.createTempDirectory("newsroom-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    /** Whether the browser and its driver are installed where this class looks for them. */
    public static boolean isInstalled() {
        return CHROMEDRIVER.canExecute() && CHROMIUM.canExecute();
    }

    public static String missing() {
        return "needs Debian's chromium and chromium-driver at /usr/bin";
    }

    public static HeadlessChromium start() {
        try {
            return new HeadlessChromium();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
