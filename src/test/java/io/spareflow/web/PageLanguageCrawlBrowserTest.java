package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.HeadlessChromium;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.notify.CaseFixtures;
import io.spareflow.portal.PortalClient;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseReport;
import io.spareflow.rma.Cases;
import io.spareflow.user.Role;
import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page each role reaches, in Chromium asking for Simplified Chinese and for English: signed in as the role's demo
 * user (the customer portal as a contact), the crawl follows the header's links and every link on the pages it opens
 * (cases, boards, users, customers …, a few of each kind), and fails when a Chinese page shows an English word or an
 * English page a Chinese one outside what is data ({@link ForeignWords}). The demo users keep their language choice:
 * the browser's Accept-Language decides.
 */
@SpareflowIntegrationTest
class PageLanguageCrawlBrowserTest {

    /** Pages of one kind (a path with its names and numbers taken out) opened at most this often per role. */
    private static final int PAGES_OF_A_KIND = 2;
    private static final int PAGES_PER_ROLE = 45;
    /**
     * Parts of a page whose text is not the page's own words: {@code code} elements (file columns, stored records as
     * JSON in the audit trail); the stored texts of timeline entries (staff, portal, tracking page), escalations and
     * sourcing decisions, which are written in the language of whoever caused them until they are stored as message
     * keys (issue 12, lane tl5); the case page's process diagrams, drawn by bpmn-js from the models' English names
     * (not localized yet: issue 12); the subjects of mails as they were sent, in their recipient's language.
     */
    private static final List<String> NOT_THE_PAGES_OWN = List.of("code", "#timeline td:nth-child(4)", "ol#timeline li span",
            "ol.timeline li span", "main div > p > strong + span", "#escalations td:nth-child(3)", ".diagram",
            "td.subject");
    /** Tools of other makers, in English only, for administrators and developers: the API docs and Camunda's web apps. */
    private static final List<String> OTHER_MAKERS_TOOLS = List.of("/swagger-ui", "/v3/api-docs", "/camunda");

    private static final Map<String, ChromeDriver> BROWSERS = new LinkedHashMap<>();
    private static final List<String> REPORTED = new ArrayList<>();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Customers customers;
    @Autowired
    GreenMail mail;
    @Autowired
    Boards boards;
    @Autowired
    Cases cases;

    @BeforeAll
    static void startBrowsers() throws IOException {
        BROWSERS.put("zh-CN", HeadlessChromium.desktop(1280, 1000, "zh-CN"));
        BROWSERS.put("en", HeadlessChromium.desktop(1280, 1000, "en"));
    }

    @AfterAll
    static void stopBrowsers() {
        BROWSERS.values().forEach(ChromeDriver::quit);
    }

    /** A case of a Chinese operator and one of an overseas operator, so that there are case and tracking pages. */
    @BeforeEach
    void reportCases() {
        if (REPORTED.isEmpty()) {
            REPORTED.add(report("CMCC-SC", "Chengdu", "主控板告警，业务中断"));
            REPORTED.add(report("CNT-EC", "Guayaquil", "Board alarm, traffic down"));
        }
    }

    private String report(String customer, String city, String symptom) {
        String serial = CaseFixtures.installedBoard(boards, customers, customer, city);
        return cases.report(new CaseReport(customer, CaseFixtures.siteOf(customers, customer, city), serial, symptom,
                CaseChannel.HOTLINE)).number();
    }

    static Stream<Arguments> rolesAndLanguages() {
        List<String> users = List.of("admin", "supervisor", "quality", "agent", "depot-CTU", "tech-RC-SZX", "portal");
        return Stream.of("zh-CN", "en").flatMap(language -> users.stream().map(user -> Arguments.of(language, user)));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("rolesAndLanguages")
    void everyPageOfTheRoleIsInTheReadersLanguage(String language, String user) throws InterruptedException {
        ChromeDriver browser = BROWSERS.get(language);
        boolean portal = user.equals("portal");
        List<String> starts = new ArrayList<>(List.of(portal ? signInToThePortal(browser, language) : signIn(browser, user)));
        starts.addAll(portal ? trackingPages() : casePages());
        ForeignWords words = new ForeignWords(dataTexts(), Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toSet()));
        Function<String, List<String>> foreign = language.equals("en") ? words::chineseIn : words::englishIn;

        Map<String, List<String>> misses = new LinkedHashMap<>();
        List<String> opened = crawl(browser, starts, page -> {
            String text = visibleText(browser);
            List<String> found = foreign.apply(text);
            if (!found.isEmpty()) {
                misses.put(page, found.stream().distinct().map(word -> inContext(text, word)).toList());
            }
        });

        assertThat(opened).as("pages the crawl reached").hasSizeGreaterThan(portal ? 3 : 4);
        assertThat(misses).as("words not in %s on the pages of %s (page → words); opened %s", language, user, opened)
                .isEmpty();
    }

    private String signIn(ChromeDriver browser, String user) {
        Chromium.signIn(browser, url(""), user);
        return url("/");
    }

    private String signInToThePortal(ChromeDriver browser, String language) throws InterruptedException {
        boolean chinese = language.equals("zh-CN");
        String email = "crawl." + UUID.randomUUID().toString().substring(0, 8) + (chinese ? "@sc.chinamobile.example" : "@cnt.example");
        customers.addContact(chinese ? "CMCC-SC" : "CNT-EC", chinese ? "张爬虫" : "Crawl Tester", email, language);
        browser.manage().deleteAllCookies();
        browser.get(url("/portal"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        Chromium.waitUntil(browser, ExpectedConditions.presenceOfElementLocated(By.id("link-sent")));
        browser.get(url("/portal/sign-in/" + PortalClient.awaitLink(mail, email, 1)));
        browser.findElement(By.id("confirm-sign-in")).click();
        Chromium.waitUntil(browser, ExpectedConditions.urlToBe(url("/portal/cases")));
        return url("/portal/cases");
    }

    /** A case of each state (the demo's cases and those of earlier tests), and one that does not exist. */
    private List<String> casePages() {
        List<String> pages = new ArrayList<>(jdbc.queryForList(
                "select distinct on (state) number from rma_case order by state, id desc", String.class).stream()
                .map(number -> url("/cases/" + number)).toList());
        pages.add(url("/cases/RMA-2000-000000"));
        return pages;
    }

    /** The public tracking pages of a case of each state. */
    private List<String> trackingPages() {
        return jdbc.queryForList("select distinct on (state) tracking_token from rma_case order by state, id desc",
                String.class).stream().map(token -> url("/track/" + token)).toList();
    }

    /**
     * Opens pages breadth first, the {@code starts} first, then the links found, same origin only (the portal's pages
     * for a contact), calling {@code check} on each.
     */
    private List<String> crawl(ChromeDriver browser, List<String> starts, java.util.function.Consumer<String> check) {
        String area = starts.get(0).contains("/portal") ? url("/portal") : url("/");
        Deque<String> queue = new ArrayDeque<>(starts);
        Set<String> seen = new HashSet<>(queue);
        Map<String, Integer> kinds = new LinkedHashMap<>();
        List<String> opened = new ArrayList<>();
        while (!queue.isEmpty() && opened.size() < PAGES_PER_ROLE) {
            String page = queue.poll();
            if (!starts.contains(page) && kinds.merge(kindOf(page), 1, Integer::sum) > PAGES_OF_A_KIND) {
                continue;
            }
            browser.get(page);
            settle(browser);
            opened.add(page);
            check.accept(page.substring(url("").length()));
            for (String link : links(browser)) {
                if (link.startsWith(area) && followable(link) && seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        return opened;
    }

    /** A page's kind: its path with every segment that names or numbers something replaced by {@code *}. */
    private static String kindOf(String page) {
        String path = URI.create(page).getPath();
        return Arrays.stream(path.split("/")).map(s -> s.matches("[a-z-]*") ? s : "*").collect(Collectors.joining("/"));
    }

    private static boolean followable(String link) {
        String path = URI.create(link).getPath();
        return OTHER_MAKERS_TOOLS.stream().noneMatch(path::startsWith) && !path.matches(".*\\.(pdf|png|zpl|csv|json)$") && !path.contains("/logout") && !path.startsWith("/api")
                && !path.startsWith("/account/language") && !path.startsWith("/kpis/data")
                && !path.startsWith("/kpis/field-returns") && !path.startsWith("/portal/sign-out");
    }

    @SuppressWarnings("unchecked")
    private static List<String> links(ChromeDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('a[href]')].map(a => a.href.split('#')[0]).filter(h => h)");
    }

    /** Waits for the page's scripts to draw what they fetch: until its text stays the same for half a second. */
    private static void settle(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
        String before = "";
        for (int i = 0; i < 20; i++) {
            String now = visibleText(browser);
            if (now.equals(before)) {
                return;
            }
            before = now;
            sleep(500);
        }
    }

    /** What a reader sees: the body's rendered text and the placeholders and tooltips of its elements. */
    private static String visibleText(ChromeDriver browser) {
        String script = "const skip = new Set(arguments[0].flatMap(s => [...document.querySelectorAll(s)]));"
                + "const clone = document.body.cloneNode(true);"
                + "const all = [...document.body.querySelectorAll('*')]; const copies = [...clone.querySelectorAll('*')];"
                + "all.forEach((e, i) => { if (skip.has(e)) copies[i].textContent = ''; });"
                + "clone.querySelectorAll('details').forEach(d => d.open = true);"
                + "const extra = [...document.querySelectorAll('[placeholder],[title],[aria-label]')]"
                + "  .filter(e => ![...skip].some(s => s.contains(e)))"
                + "  .map(e => [e.getAttribute('placeholder'), e.getAttribute('title'), e.getAttribute('aria-label')].join(' '));"
                + "const holder = document.createElement('div'); holder.style.position = 'absolute'; holder.style.left = '-99999px';"
                + "holder.appendChild(clone); document.documentElement.appendChild(holder);"
                + "const text = clone.innerText; holder.remove();"
                + "return document.title + '\\n' + text + '\\n' + extra.join('\\n');";
        return (String) ((JavascriptExecutor) browser).executeScript(script, NOT_THE_PAGES_OWN);
    }

    /** Texts shown as they were entered or named, in whichever language that was. */
    private List<String> dataTexts() {
        List<String> texts = new ArrayList<>();
        Stream.of(
                "select display_name from app_user", "select username from app_user",
                "select name from customer", "select name from customer_site", "select city from customer_site",
                "select name from customer_contact",
                "select name from location where name_zh is null", "select city from location where city_zh is null",
                "select description from part where description_zh is null",
                "select symptom from rma_case", "select resolution from rma_case", "select cancel_reason from rma_case",
                "select cancel_reason from case_line", "select symptom from repair_order", "select finding from repair_order",
                "select actions from repair_order", "select note from board_custody", "select comment from survey_response",
                "select issued_by from certification", "select name from calendar_day", "select source from calendar_year",
                "select distinct actor from case_timeline",
                "select distinct actor from audit_entry", "select updated_by from calendar_year",
                "select subject from mail_outbox")
                .forEach(sql -> texts.addAll(jdbc.queryForList(sql, String.class)));
        return texts;
    }

    /** The word with what stands around it on the page, to find it in the template or the bundle. */
    private static String inContext(String text, String word) {
        int at = Math.max(0, text.indexOf(word));
        return word + " ‹" + text.substring(Math.max(0, at - 30), Math.min(text.length(), at + word.length() + 30))
                .replaceAll("\\s+", " ") + "›";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
