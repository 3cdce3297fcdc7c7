package io.spareflow.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.kpi.AlertDimension;
import io.spareflow.kpi.ArrivalAlertRaised;
import io.spareflow.rma.RmaApiTestSupport;
import io.spareflow.user.Role;
import io.spareflow.user.UserSummary;
import io.spareflow.user.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** What operators and supervisors get from the measurement feature: Prometheus metrics, the alert API, alert mail. */
@SpareflowIntegrationTest
class KpiOperationsTest extends RmaApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Customers customers;
    @Autowired
    Users users;
    @Autowired
    KpiMetrics metrics;
    @Autowired
    AlertStore alerts;
    @Autowired
    ArrivalWatch watch;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    @Test
    void prometheusCountsCasesScansAndBreachesForAdministratorsOnly() {
        SiteInfo site = customers.require("CMCC-SC").sites().get(0);
        api.report("agent", "CMCC-SC", site.id(), fixture.installedAt(fixture.part(), site));
        metrics.refresh();

        assertThat(api.get("supervisor", "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> scrape = api.get("admin", "/actuator/prometheus");
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text = scrape.getBody();
        long hotline = jdbc.queryForObject("select count(*) from rma_case where tier = 'PLATINUM' and channel = 'HOTLINE'", Long.class);
        assertThat(value(text, "spareflow_cases_reported_total", "channel=\"HOTLINE\",tier=\"PLATINUM\"")).isEqualTo(hotline);
        assertThat(text).contains("spareflow_mail_outbox{status=\"PENDING\"}", "spareflow_mail_outbox{status=\"FAILED\"}",
                "spareflow_jobs_due ", "spareflow_jobs_failed ", "spareflow_alerts_open ");
        long scans = jdbc.queryForObject("select count(*) from scan_event", Long.class);
        if (scans > 0) {
            assertThat(text).contains("spareflow_scans_total{");
        }
    }

    @Test
    void alertsAreListedOpenFirstAndCloseWithoutBeingReopenedTwice() {
        String series = "TEST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        ArrivalControl.Assessment high = new ArrivalControl.Assessment(30, 10.0, 21, true, false);
        long id = transactions.execute(tx -> alerts.open(AlertDimension.CUSTOMER, series, now, high, now)).orElseThrow();
        Optional<Long> second = transactions.execute(tx -> alerts.open(AlertDimension.CUSTOMER, series, now, high, now));
        assertThat(second).as("one open alert per series").isEmpty();

        JsonNode listed = find(api.read(api.get("quality", "/api/alerts").getBody()), id);
        assertThat(listed.get("dimension").asText()).isEqualTo("CUSTOMER");
        assertThat(listed.get("series").asText()).isEqualTo(series);
        assertThat(listed.get("observed").asInt()).isEqualTo(30);
        assertThat(listed.get("baseline").asDouble()).isEqualTo(10.0);
        assertThat(listed.get("upperLimit").asInt()).isEqualTo(21);
        assertThat(listed.get("open").asBoolean()).isTrue();
        assertThat(api.get("agent", "/api/alerts").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        transactions.executeWithoutResult(tx -> alerts.close(id, now.plusSeconds(60)));
        JsonNode closed = find(api.read(api.get("supervisor", "/api/alerts").getBody()), id);
        assertThat(closed.get("open").asBoolean()).isFalse();
        assertThat(closed.get("closedAt").isNull()).isFalse();
        long reopened = transactions.execute(tx -> alerts.open(AlertDimension.CUSTOMER, series, now, high, now)).orElseThrow();
        transactions.executeWithoutResult(tx -> alerts.close(reopened, now.plusSeconds(120)));
    }

    @Test
    void aNewAlertIsMailedToEverySupervisorThroughTheOutbox() {
        long id = 900_000_000L + (System.nanoTime() % 1_000_000);
        ArrivalAlertRaised alert = new ArrivalAlertRaised(id, AlertDimension.PRODUCT_LINE, "OPTICAL", 31, 10.2, 21,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        transactions.executeWithoutResult(tx -> events.publishEvent(alert));
        List<String> recipients = jdbc.queryForList("select recipient from mail_outbox where dedupe_key like ? order by recipient",
                String.class, "arrival-alert:" + id + ":%");
        assertThat(recipients).containsExactlyInAnyOrderElementsOf(users.withRole(Role.SUPERVISOR).stream().map(UserSummary::email).toList());
        // Each supervisor reads it in their own language: the demo supervisor's is English.
        String english = users.require("supervisor").email();
        String subject = jdbc.queryForObject("select subject from mail_outbox where dedupe_key like ? and recipient = ?", String.class,
                "arrival-alert:" + id + ":%", english);
        assertThat(subject).isEqualTo("Early warning: case arrivals of product line OPTICAL above their control limit");
        String body = jdbc.queryForObject("select text_body from mail_outbox where dedupe_key like ? and recipient = ?", String.class,
                "arrival-alert:" + id + ":%", english);
        assertThat(body).contains("31 cases since", "is 10.2", "more than 21");
        String html = jdbc.queryForObject("select html_body from mail_outbox where dedupe_key like ? and recipient = ?", String.class,
                "arrival-alert:" + id + ":%", english);
        assertThat(html).containsPattern("href=\"[^\"]*/monitor\"");
    }

    @Test
    void theWatchJudgesTheRecordedArrivalsOnceTheHistoryCoversItsBaseline() {
        int open = alerts.open().size();
        // A month from now today's cases are baseline history; nothing has arrived "then", so no new alert opens.
        Integer after = transactions.execute(tx -> watch.check(clock.instant().plus(Duration.ofDays(29))));
        assertThat(after).isLessThanOrEqualTo(open);
    }

    private static JsonNode find(JsonNode alerts, long id) {
        for (JsonNode a : alerts) {
            if (a.get("id").asLong() == id) {
                return a;
            }
        }
        throw new AssertionError("alert " + id + " not listed");
    }

    private static long value(String scrape, String metric, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric + "{" + labels) + "[^}]*} ([0-9.E+]+)$").matcher(scrape);
        assertThat(m.find()).as(metric + "{" + labels + "} in the scrape").isTrue();
        return (long) Double.parseDouble(m.group(1));
    }
}
