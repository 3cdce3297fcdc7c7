package io.spareflow.web;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signing in and waiting in page tests (the browser itself: {@link io.spareflow.HeadlessChromium}). */
public final class Chromium {

    private Chromium() {
    }

    /** Signs in through the login form (password {@code demo}) and waits for the home page. */
    public static void signIn(WebDriver browser, String baseUrl, String username) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login");
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(browser, ExpectedConditions.urlToBe(baseUrl + "/"));
    }

    public static <T> T waitUntil(WebDriver browser, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }
}
