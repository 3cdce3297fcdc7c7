package io.spareflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and chromedriver for the browser tests (a tool's own browser download fails here), as a
 * desktop window or emulating a phone's screen; and screenshots of its pages.
 */
public final class HeadlessChromium {

    /** Where screenshots go: target/screenshots/, or docs/screenshots with {@code -Dspareflow.screenshots=docs/screenshots}. */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("spareflow.screenshots", "target/screenshots"));

    private HeadlessChromium() {
    }

    public static ChromeDriver desktop(int width, int height) throws IOException {
        ChromeOptions options = options();
        options.addArguments("--window-size=" + width + "," + height);
        return start(options);
    }

    /** A desktop window whose browser asks for pages in {@code language} (its Accept-Language and UI language). */
    public static ChromeDriver desktop(int width, int height, String language) throws IOException {
        ChromeOptions options = options();
        options.addArguments("--window-size=" + width + "," + height, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        return start(options);
    }

    /** A phone's screen: this many CSS pixels, twice as many device pixels, touch events. */
    public static ChromeDriver phone(int width, int height) throws IOException {
        ChromeOptions options = options();
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        return start(options);
    }

    public static void screenshot(ChromeDriver browser, String name) {
        try {
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
            Files.createDirectories(SCREENSHOTS);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    private static ChromeOptions options() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("spareflow-chromium"));
        return options;
    }

    private static ChromeDriver start(ChromeOptions options) {
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
    }
}
