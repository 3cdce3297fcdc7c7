package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.HeadlessChromium;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.Customers;
import io.spareflow.portal.PortalClient;
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
    /** Parts of a page whose text is not the page's own: stored timeline texts and decision reasons (worded by lane tl5's change). */
    private static final List<String> NOT_THE_PAGES_OWN = List.of("#timeline td:nth-child(4)", "ol#timeline li span",
            "main div > p > strong + span");

    private static final Map<String, ChromeDriver> BROWSERS = new LinkedHashMap<>();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Customers customers;
    @Autowired
    GreenMail mail;

    @BeforeAll
    static void startBrowsers() throws IOException {
        BROWSERS.put("zh-CN", HeadlessChromium.desktop(1280, 1000, "zh-CN"));
        BROWSERS.put("en", HeadlessChromium.desktop(1280, 1000, "en"));
    }

    @AfterAll
    static void stopBrowsers() {
        BROWSERS.values().forEach(ChromeDriver::quit);
    }

    static Stream<Arguments> rolesAndLanguages() {
        List<String> users = List.of("admin", "supervisor", "quality", "agent", "depot-CTU", "tech-RC-SZX", "portal");
        return Stream.of("zh-CN", "en").flatMap(language -> users.stream().map(user -> Arguments.of(language, user)));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("rolesAndLanguages")
    void everyPageOfTheRoleIsInTheReadersLanguage(String language, String user) throws InterruptedException {
        ChromeDriver browser = BROWSERS.get(language);
        String start = user.equals("portal") ? signInToThePortal(browser, language) : signIn(browser, user);
        ForeignWords words = new ForeignWords(dataTexts(), Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toSet()));
        Function<String, List<String>> foreign = language.equals("en") ? words::chineseIn : words::englishIn;

        Map<String, List<String>> misses = new LinkedHashMap<>();
        List<String> opened = crawl(browser, start, page -> {
            List<String> found = foreign.apply(visibleText(browser));
            if (!found.isEmpty()) {
                misses.put(page, found.stream().distinct().toList());
            }
        });

        assertThat(opened).as("pages the crawl reached").hasSizeGreaterThan(user.equals("portal") ? 2 : 3);
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

    /** Opens pages breadth first from {@code start}, same origin and area only, calling {@code check} on each. */
    private List<String> crawl(ChromeDriver browser, String start, java.util.function.Consumer<String> check) {
        String area = start.contains("/portal") ? url("/portal") : url("/");
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>(queue);
        Map<String, Integer> kinds = new LinkedHashMap<>();
        List<String> opened = new ArrayList<>();
        while (!queue.isEmpty() && opened.size() < PAGES_PER_ROLE) {
            String page = queue.poll();
            if (kinds.merge(kindOf(page), 1, Integer::sum) > PAGES_OF_A_KIND) {
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
        return !path.matches(".*\\.(pdf|png|zpl|csv|json)$") && !path.contains("/logout") && !path.startsWith("/api")
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
                + "const extra = [...document.querySelectorAll('[placeholder],[title],[aria-label]')]"
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
                "select actions from repair_order", "select note from board_custody", "select comment from survey_response")
                .forEach(sql -> texts.addAll(jdbc.queryForList(sql, String.class)));
        return texts;
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
