package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.HeadlessChromium;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.common.Languages;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Chromium asking for Simplified Chinese: the pages and a scan's answer are Chinese for a user who never chose a
 * language; the header's switch to English is remembered for that user, on the next sign-in too, whatever the browser
 * asks for. Each test has a user of its own, so no other test meets a changed language.
 */
@SpareflowIntegrationTest
class LanguageBrowserTest {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    Boards boards;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.desktop(1280, 1000, "zh-CN");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aChineseBrowserGetsChinesePagesAndAChineseScanAnswer() {
        String depot = newDepotUser();
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.cssSelector("form button[type=submit]")).getText()).isEqualTo("登录");

        Chromium.signIn(browser, url(""), depot);
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("欢迎");
        assertThat(browser.findElement(By.cssSelector("header nav")).getText()).contains("扫描").contains("备件库");

        String serial = newBoardOnItsWay();
        browser.get(url("/scan"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("扫描站");
        new Select(browser.findElement(By.id("action"))).selectByValue("RECEIVE");
        browser.findElement(By.id("code")).sendKeys(serial, Keys.ENTER);
        Chromium.waitUntil(browser, d -> !d.findElement(By.id("outcome")).getDomAttribute("class").contains("idle"));

        String outcome = browser.findElement(By.id("outcome")).getText();
        assertThat(outcome).contains("RECEIVE " + serial + " 已确认").contains("上架，然后扫描 PUTAWAY")
                .contains("下一次扫描：PUTAWAY");
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.RECEIVED);
        HeadlessChromium.screenshot(browser, "scan-station-zh-CN");
    }

    @Test
    void switchingToEnglishSticksForTheUserOnTheNextSignInToo() {
        String depot = newDepotUser();
        Chromium.signIn(browser, url(""), depot);
        browser.get(url("/depot"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("备件库");

        browser.findElement(By.cssSelector("form.language button[value=en]")).click();
        Chromium.waitUntil(browser, ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Depot"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/depot"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("form.language button[value=en]")).isEnabled()).isFalse();
        assertThat(users.require(depot).chosenLanguage()).isEqualTo(Languages.ENGLISH);

        Chromium.signIn(browser, url(""), depot);
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Welcome");
        assertThat(browser.findElement(By.cssSelector("header nav")).getText()).contains("Scan").contains("Depot");

        browser.findElement(By.cssSelector("form.language button[value=zh-CN]")).click();
        Chromium.waitUntil(browser, ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "欢迎"));
        assertThat(users.require(depot).chosenLanguage()).isEqualTo(Languages.CHINESE);
    }

    private String newDepotUser() {
        String name = "zh-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, "demo", "测试 " + name, name + "@spareflow.local", Role.DEPOT, "CTU", null));
        return name;
    }

    private String newBoardOnItsWay() {
        String serial = "ZHB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        boards.register(new NewBoard(serial, "130103811", null, BoardStatus.IN_TRANSIT, "CTU", null));
        return serial;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
