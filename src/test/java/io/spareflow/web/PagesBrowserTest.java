package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.HeadlessChromium;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseReport;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SpareSourcing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages in a real browser (Debian's headless Chromium and chromedriver), against the running service. One browser
 * for the class: it is slow to start. Screenshots of the main pages go to target/screenshots/; to refresh the ones in
 * the docs: {@code mvn test -Dtest=PagesBrowserTest -Dspareflow.screenshots=docs/screenshots}.
 */
@SpareflowIntegrationTest
class PagesBrowserTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private static final String DEPOT = "CTU";

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    SpareSourcing sourcing;
    @Autowired
    Cases cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.desktop(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void depotStaffPicksTheReservedBoardByTypingItWithEnter() {
        ReservedSpare spare = reserveSpareAtDepot();
        signIn("depot-" + DEPOT);
        open("/scan");
        scan("PICK", spare.reserved());

        WebElement outcome = waitForOutcome();
        assertThat(outcome.getDomAttribute("class")).contains("ok");
        assertThat(outcome.getText()).contains("PICK " + spare.reserved() + " confirmed").contains("Pack it");
        assertThat(boards.require(spare.reserved()).status()).isEqualTo(BoardStatus.PICKED);
        assertThat(browser.findElement(By.id("history")).getText()).contains(spare.reserved());
        screenshot("scan-station-confirmed");
    }

    @Test
    void aWrongBoardAtThePickIsRefusedInRedNamingTheReservedSerial() {
        ReservedSpare spare = reserveSpareAtDepot();
        signIn("depot-" + DEPOT);
        open("/scan");
        scan("PICK", spare.other());

        WebElement outcome = waitForOutcome();
        assertThat(outcome.getDomAttribute("class")).contains("bad");
        assertThat(outcome.getText()).contains("Refused").contains("must pick serial " + spare.reserved());
        assertThat(boards.require(spare.other()).status()).isEqualTo(BoardStatus.AVAILABLE);
        screenshot("scan-station-refused");

        open("/depot");
        assertThat(browser.findElement(By.id("picks")).getText()).contains(spare.reserved());
        screenshot("depot-worklist");
    }

    @Test
    void aScanMadeOfflineIsQueuedAndAppliedOnceWhenTheNetworkIsBack() {
        String serial = serial();
        boards.register(new NewBoard(serial, "130104205", null, BoardStatus.RECEIVED, DEPOT, null));
        signIn("depot-" + DEPOT);
        open("/scan");
        whileOffline(() -> {
            scan("PUTAWAY", serial);
            assertThat(waitForOutcome().getText()).contains("Offline: scan kept");
            assertThat(browser.findElement(By.id("queue-state")).getText()).startsWith("1 scan(s) waiting");
            assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.RECEIVED);
        });
        ((JavascriptExecutor) browser).executeScript("window.dispatchEvent(new Event('online'))");

        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "PUTAWAY " + serial + " confirmed"));
        assertThat(browser.findElement(By.id("queue-state")).getText()).isEmpty();
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.AVAILABLE);
        assertThat(boards.history(serial).custody()).hasSize(2);
    }

    @Test
    void scansQueuedOfflineOutliveAnExpiredSessionAndAreAppliedOnceAfterSigningInAgain() {
        String serial = serial();
        boards.register(new NewBoard(serial, "130104205", null, BoardStatus.RECEIVED, DEPOT, null));
        signIn("depot-" + DEPOT);
        open("/scan");
        whileOffline(() -> {
            scan("PUTAWAY", serial);
            assertThat(waitForOutcome().getText()).contains("Offline: scan kept");

            // Signing out with a scan still queued warns first; staying keeps it.
            browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
            Alert warning = waitUntil(ExpectedConditions.alertIsPresent());
            assertThat(warning.getText()).startsWith("1 scan(s) have not reached the server yet");
            warning.dismiss();
            assertThat(browser.getCurrentUrl()).isEqualTo(url("/scan"));

            // The session ends while the station is offline.
            browser.manage().deleteCookieNamed("JSESSIONID");
        });

        // Back online, the scan meets the door (no session, so no valid CSRF token): it stays queued, nothing applied.
        ((JavascriptExecutor) browser).executeScript("window.dispatchEvent(new Event('online'))");
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Signed out"));
        assertThat(browser.findElement(By.id("queue-state")).getText()).startsWith("1 scan(s) waiting");
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.RECEIVED);
        screenshot("scan-station-signed-out");

        // Signing in again leads back to a freshly loaded station, which sends the kept scan once.
        browser.findElement(By.id("sign-in-again")).click();
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys("depot-" + DEPOT);
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(ExpectedConditions.urlContains(url("/scan")));
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "PUTAWAY " + serial + " confirmed"));
        assertThat(browser.findElement(By.id("queue-state")).getText()).isEmpty();
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.AVAILABLE);
        assertThat(boards.history(serial).custody()).hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from scan_event where serial = ?", Integer.class, serial))
                .as("one scan recorded: the one the door turned away never reached the scan service").isEqualTo(1);
    }

    @Test
    void aTechnicianSeesABoardWaitingForIntakeAtTheRepairBench() {
        String serial = serial();
        boards.register(new NewBoard(serial, "130104205", null, BoardStatus.DEFECTIVE_RECEIVED, "RC-SZX", null));
        signIn("tech-RC-SZX");
        open("/repair");

        assertThat(browser.findElement(By.id("intake")).getText()).contains(serial);
        screenshot("repair-bench");
    }

    @Test
    void anAgentReportsAFaultAndAcceptsIt() {
        SiteInfo site = site();
        String serial = installedBoard(site);
        signIn("agent");
        open("/hotline");
        new Select(browser.findElement(By.id("customerCode"))).selectByValue(site.customerCode());
        new Select(browser.findElement(By.id("siteId"))).selectByValue(String.valueOf(site.id()));
        browser.findElement(By.id("faultySerial")).sendKeys(serial);
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("serial-info"), "Installed"));
        browser.findElement(By.id("symptom")).sendKeys("Board reboots every few minutes, alarm LOS on port 2");
        browser.findElement(By.cssSelector("#report button[type=submit]")).click();

        String flash = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("flash-ok"))).getText();
        String caseNumber = caseOf(serial).number();
        assertThat(flash).contains("Case " + caseNumber + " reported");
        screenshot("hotline");

        browser.findElement(By.cssSelector(".task[data-case='" + caseNumber + "'] button")).click();
        assertThat(waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("flash-ok"))).getText())
                .contains("Accept case of case " + caseNumber);
        CaseView accepted = caseOf(serial);
        assertThat(accepted.firstOwner().username()).isEqualTo("agent");
        assertThat(browser.findElement(By.id("my-cases")).getText()).contains(caseNumber);
    }

    @Test
    void theCasePageShowsTheDiagramWithTheCurrentStep() {
        CaseView reported = reportCase();
        signIn("supervisor");
        open("/cases/" + reported.number());

        waitUntil(ExpectedConditions.attributeToBe(By.id("diagram-0"), "data-rendered", "true"));
        WebElement current = browser.findElement(By.cssSelector("#diagram-0 .djs-element.current"));
        assertThat(current.getDomAttribute("data-element-id")).isEqualTo("Task_AcceptCase");
        assertThat(browser.findElement(By.id("case-state")).getText()).isEqualTo("Reported");
        assertThat(browser.findElement(By.id("first-owner")).getText()).contains("nobody yet");
        screenshot("case-page");
    }

    @Test
    void theMonitoringCenterListsABreach() {
        CaseView reported = reportCase();
        passAcceptanceLimit(reported.number());
        signIn("supervisor");
        open("/monitor");

        // The monitoring center replaces its rows as it polls: read a row's text and class together, again until
        // the breach is there.
        List<String> breach = new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("#breaches tr")).stream()
                        .filter(row -> row.getText().contains(reported.number()))
                        .map(row -> List.of(row.getText(), String.valueOf(row.getDomAttribute("class"))))
                        .findFirst().orElse(null));
        assertThat(breach.get(0)).contains("Accept");
        assertThat(breach.get(1)).contains("bad");
        screenshot("monitoring-center");
    }

    @Test
    void anAdministratorImportsBoardsFromCsvAndSeesTheRejectedRows() throws IOException {
        String good = serial();
        Path csv = Files.createTempFile("boards", ".csv");
        Files.writeString(csv, "serial,part_number,revision,status,location_code,site_id\n"
                + good + ",130104205,,AVAILABLE,CTU,\n"
                + serial() + ",130104205,,AVAILABLE,NOWHERE,\n");
        signIn("admin");
        open("/admin");
        browser.findElement(By.id("board-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();

        assertThat(waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("flash-ok"))).getText())
                .isEqualTo("1 board(s) imported, 1 row(s) rejected");
        assertThat(browser.findElement(By.id("rejected")).getText()).contains("line 3").contains("NOWHERE");
        assertThat(boards.require(good).status()).isEqualTo(BoardStatus.AVAILABLE);
        screenshot("administration");
    }

    // ------------------------------------------------------------------------------------------------ the browser

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(ExpectedConditions.urlToBe(url("/")));
    }

    /** Runs {@code steps} with the browser's network cut off, then gives it back. */
    private static void whileOffline(Runnable steps) {
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        try {
            steps.run();
        } finally {
            browser.deleteNetworkConditions();
        }
    }

    private void open(String path) {
        browser.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void scan(String action, String code) {
        new Select(browser.findElement(By.id("action"))).selectByValue(action);
        WebElement input = browser.findElement(By.id("code"));
        assertThat(browser.switchTo().activeElement()).as("the scan field keeps the focus").isEqualTo(input);
        input.sendKeys(code, Keys.ENTER);
    }

    private WebElement waitForOutcome() {
        waitUntil(d -> !d.findElement(By.id("outcome")).getDomAttribute("class").contains("idle"));
        return browser.findElement(By.id("outcome"));
    }

    private static <T> T waitUntil(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    private void screenshot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }

    // ------------------------------------------------------------------------------------------------ test data

    private record ReservedSpare(String reserved, String other) {
    }

    /** A part of its own with two boards at the depot, one of them reserved for a case of this test. */
    private ReservedSpare reserveSpareAtDepot() {
        String part = "WEB-" + RUN + "-" + SEQUENCE.incrementAndGet();
        jdbc.update("""
                insert into part (part_number, product_line, description, revision, superseded_by, repairable, repair_turnaround_days)
                values (?, 'CDMA', 'Browser test board', 'A', null, true, 10)""", part);
        List<String> serials = List.of(serial(), serial());
        serials.forEach(serial -> boards.register(new NewBoard(serial, part, null, BoardStatus.AVAILABLE, DEPOT, null)));
        ReservationOutcome outcome = sourcing.reserve(part, site().id(), "WEB-" + RUN + "-" + SEQUENCE.incrementAndGet(), 1);
        assertThat(outcome.depotCode()).isEqualTo(DEPOT);
        String reserved = outcome.serial();
        return new ReservedSpare(reserved, serials.stream().filter(s -> !s.equals(reserved)).findFirst().orElseThrow());
    }

    private CaseView reportCase() {
        SiteInfo site = site();
        return cases.report(new CaseReport(site.customerCode(), site.id(), installedBoard(site),
                "Fan alarm, board hot to the touch", CaseChannel.HOTLINE));
    }

    /** Fires the case's acceptance-limit timer now, as the job executor would when the limit passes. */
    private void passAcceptanceLimit(String caseNumber) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("rma-case").singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instance).activityId("Timer_AcceptanceLimit")
                .singleResult();
        management.executeJob(timer.getId());
    }

    private String installedBoard(SiteInfo site) {
        String serial = serial();
        boards.register(new NewBoard(serial, "130104205", null, BoardStatus.INSTALLED, null, site.id()));
        return serial;
    }

    private SiteInfo site() {
        return customers.all().stream().filter(c -> c.tier() != null).findFirst().orElseThrow().sites().get(0);
    }

    private CaseView caseOf(String serial) {
        return cases.search(null, null, null, 50).stream().filter(c -> c.faultySerial().equals(serial)).findFirst()
                .orElseThrow();
    }

    private static String serial() {
        return "WB" + RUN + "X" + SEQUENCE.incrementAndGet();
    }
}
