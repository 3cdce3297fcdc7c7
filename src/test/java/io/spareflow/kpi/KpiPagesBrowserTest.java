package io.spareflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.HeadlessChromium;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseReport;
import io.spareflow.rma.Cases;
import io.spareflow.rma.RmaApiClient;
import io.spareflow.rma.RmaFixture;
import io.spareflow.web.Chromium;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPI page and the live monitoring center in Chromium (Debian's headless chromium and chromedriver): the charts
 * are drawn with the API's figures, and the monitor shows a new case without a reload.
 */
@SpareflowIntegrationTest
class KpiPagesBrowserTest {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    Cases cases;
    @Autowired
    MessageSource messages;
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
    void theKpiPageDrawsSlaComplianceWithTheApisFigures() {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String customer = "KPW" + run;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        customers.create(customer, "KPI page operator " + run, "CN");
        customers.addContract("KPW-" + run, customer, "PLATINUM", today.minusDays(10), today.plusYears(1));
        SiteInfo site = customers.addSite(customer, "KPI page site " + run, "Chengdu", "CN", 30.6, 104.1, "Asia/Shanghai");
        RmaFixture fixture = new RmaFixture(jdbc, boards, customers);
        RmaApiClient api = new RmaApiClient(http, json);
        String part = fixture.part();
        // One case accepted in time, one after its acceptance limit: ACCEPT is 50 % met, diagnosis 100 %.
        for (boolean late : List.of(false, true)) {
            String number = api.report("agent", customer, site.id(), fixture.installedAt(part, site));
            if (late) {
                String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                        .processDefinitionKey("rma-case").singleResult().getId();
                management.executeJob(management.createJobQuery().processInstanceId(instance)
                        .activityId("Timer_AcceptanceLimit").singleResult().getId());
            }
            api.complete("agent", number, "Task_AcceptCase", Map.of());
            api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "RESOLVED_REMOTELY"));
            api.complete("agent", number, "Task_CloseCase", Map.of("resolution", "fixed remotely"));
        }
        String query = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&customer=" + customer;
        JsonNode kpis = api.read(api.get("quality", "/api/kpis?" + query).getBody());

        signIn("quality");
        open("/kpis?" + query);
        waitUntil(ExpectedConditions.attributeToBe(By.id("kpis"), "data-rendered", "true"));
        @SuppressWarnings("unchecked")
        Map<String, Object> option = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const o = echarts.getInstanceByDom(document.getElementById('chart-sla')).getOption();
                return {months: o.xAxis[0].data, names: o.series.map(s => s.name), data: o.series.map(s => s.data)};""");
        List<String> steps = new ArrayList<>();
        kpis.get("slaCompliance").forEach(s -> steps.add(s.get("step").asText()));
        // The page names each step in its language (English here), in the API's order.
        assertThat(option.get("names")).isEqualTo(steps.stream()
                .map(step -> messages.getMessage("pages.sla-step." + step, null, Locale.ENGLISH)).toList());
        List<?> months = (List<?>) option.get("months");
        List<?> series = (List<?>) option.get("data");
        String thisMonth = today.toString().substring(0, 7);
        int index = months.indexOf(thisMonth);
        assertThat(index).as("months %s", months).isNotNegative();
        JsonNode month = kpis.get("monthly").get(index);
        for (int i = 0; i < steps.size(); i++) {
            JsonNode percent = month.get("slaCompliance").get(i).get("percent");
            Object drawn = ((List<?>) series.get(i)).get(index);
            if (percent.isNull()) {
                assertThat(drawn).as(steps.get(i)).isNull();
            } else {
                assertThat(((Number) drawn).doubleValue()).as(steps.get(i)).isEqualTo(percent.asDouble());
            }
        }
        assertThat(((Number) ((List<?>) series.get(steps.indexOf("ACCEPT"))).get(index)).doubleValue()).isEqualTo(50.0);
        assertThat(browser.findElement(By.cssSelector("#chart-sla canvas")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("table-sla")).getText()).contains(thisMonth);
        assertThat(browser.findElements(By.cssSelector("#chart-tl9000 canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("csv")).getDomAttribute("href")).contains("/kpis/kpis.csv").contains(customer);
    }

    @Test
    void theMonitoringCenterShowsANewCaseWithoutReloading() {
        signIn("supervisor");
        open("/monitor");
        waitUntil(d -> d.findElement(By.id("monitor")).getDomAttribute("data-updates") != null);
        assertThat(browser.findElements(By.cssSelector("#tiles .tile"))).hasSize(5);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('monitor').dataset.marker = 'same page'");
        long before = Long.parseLong(browser.findElement(By.id("open-count")).getText());

        SiteInfo site = customers.require("CMCC-SC").sites().get(0);
        String serial = new RmaFixture(jdbc, boards, customers).installedAt("130104205", site);
        String number = cases.report(new CaseReport("CMCC-SC", site.id(), serial, "Board alarm on the monitor test",
                CaseChannel.API)).number();

        waitUntil(d -> Long.parseLong(d.findElement(By.id("open-count")).getText()) > before);
        assertThat(browser.findElement(By.id("monitor")).getDomAttribute("data-marker")).as("not reloaded").isEqualTo("same page");
        assertThat(browser.findElement(By.id("by-state")).getText()).contains("Reported");
        assertThat(cases.find(number)).isPresent();
    }

    private void signIn(String username) {
        Chromium.signIn(browser, "http://localhost:" + port, username);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private static <T> T waitUntil(java.util.function.Function<? super WebDriver, T> condition) {
        return Chromium.waitUntil(browser, condition);
    }
}
