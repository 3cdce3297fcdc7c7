package io.spareflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.HeadlessChromium;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.ContactInfo;
import io.spareflow.customer.Customers;
import io.spareflow.notify.CaseFixtures;
import io.spareflow.notify.Mailboxes;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.Cases;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal on a phone: Debian's headless Chromium emulating a 390 × 844 px phone screen. A contact signs in with
 * the link from their mailbox and reports a fault; no page is wider than the screen. Screenshots go to
 * target/screenshots/ (or {@code -Dspareflow.screenshots=docs/screenshots}).
 */
@SpareflowIntegrationTest
class PortalBrowserTest {

    private static final int PHONE_WIDTH = 390;

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    GreenMail mail;
    @Autowired
    Customers customers;
    @Autowired
    Boards boards;
    @Autowired
    Cases cases;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.phone(PHONE_WIDTH, 844);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aContactSignsInOnAPhoneAndReportsAFault() throws Exception {
        ContactInfo contact = customers.addContact("CNT-EC", "Phone Tester",
                "phone." + UUID.randomUUID().toString().substring(0, 8) + "@cnt.example", "en");
        String board = CaseFixtures.installedBoard(boards, customers, "CNT-EC", "Guayaquil");
        long site = CaseFixtures.siteOf(customers, "CNT-EC", "Guayaquil");

        browser.get(url("/portal"));
        fitsThePhone();
        screenshot("portal-sign-in");
        browser.findElement(By.id("email")).sendKeys(contact.email());
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("link-sent")));

        String token = PortalClient.awaitLink(mail, contact.email(), 1);
        browser.get(url("/portal/sign-in/" + token));
        browser.findElement(By.id("confirm-sign-in")).click();
        waitUntil(ExpectedConditions.urlToBe(url("/portal/cases")));
        fitsThePhone();
        screenshot("portal-cases");

        browser.findElement(By.id("nav-report")).click();
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("report")));
        new Select(browser.findElement(By.id("siteId"))).selectByValue(String.valueOf(site));
        Select boardList = new Select(browser.findElement(By.id("board")));
        assertThat(boardList.getOptions()).filteredOn(o -> !o.getDomAttribute("value").isEmpty())
                .as("only the chosen site's boards are offered").isNotEmpty()
                .allMatch(o -> String.valueOf(site).equals(o.getDomAttribute("data-site")));
        boardList.selectByValue(board);
        browser.findElement(By.id("symptom")).sendKeys("Optical board: LOS on all ports since the power cut");
        fitsThePhone();
        screenshot("portal-report");
        browser.findElement(By.id("submit-report")).click();

        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("reported")));
        String number = cases.openCaseOf(board).orElseThrow();
        assertThat(browser.findElement(By.id("reported")).getText()).contains(number);
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Fault reported");
        assertThat(cases.find(number).orElseThrow().channel()).isEqualTo(CaseChannel.WEB);
        fitsThePhone();
        screenshot("portal-case");
        assertThat(Mailboxes.await(mail, contact.email(), Mailboxes.subjectContains(number), 1)).hasSize(1);
    }

    /** The page needs no sideways scrolling on the phone's screen. */
    private static void fitsThePhone() {
        Number width = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("page width on a %d px screen", PHONE_WIDTH).isLessThanOrEqualTo(PHONE_WIDTH);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static <T> T waitUntil(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    private static void screenshot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }
}
