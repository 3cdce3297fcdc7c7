package io.spareflow.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.RmaApiTestSupport;
import io.spareflow.user.Role;
import io.spareflow.user.UserSummary;
import io.spareflow.user.Users;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The early warning from end to end: a customer with four weeks of back-dated arrivals (two a day) reports ten faults
 * today through the API; the watch's own check, run at the clock's instant, opens an alert for that customer, which
 * the alert API and the monitoring center's live data show and which reaches every supervisor's mailbox; checked
 * again with the clock moved on (no more arrivals), it stays open the next day and closes by itself the day after.
 */
@SpareflowIntegrationTest
class ArrivalAlertEndToEndTest extends RmaApiTestSupport {

    private static final int BASELINE_PER_DAY = 2;
    private static final int SURGE = 10;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Customers customers;
    @Autowired
    Users users;
    @Autowired
    ArrivalWatch watch;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @Autowired
    GreenMail mailServer;

    @Test
    void aSurgeOfOneCustomerOpensAnAlertThatReachesTheMonitorAndTheSupervisorsAndClosesNextDay() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String customer = "EW" + run;
        customers.create(customer, "Early warning test " + run, "CN");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        customers.addContract("EW-" + run, customer, "BRONZE", today.minusDays(60), today.plusYears(1));
        SiteInfo site = customers.addSite(customer, "Early warning site " + run, "Chengdu", "CN", 30.62, 104.08, "Asia/Shanghai");
        String part = fixture.part();

        // Closed cases, two a day, back-dated to noon of each of the 30 days before today: the watch judges only once the
        // recorded history starts before its baseline (28 days and the day before them) does.
        int backDated = jdbc.update("""
                insert into rma_case (number, tracking_token, customer_code, site_id, symptom, channel,
                                      state, tier, responsible_location, reported_by, created_at, closed_at)
                select 'EW' || ? || '-' || d || '-' || n, md5(? || d || '-' || n), ?, ?,
                       'Back-dated fault', 'HOTLINE', 'CLOSED', 'BRONZE', 'CTU', 'agent',
                       (cast(? as date) - d) + time '12:00' at time zone 'UTC',
                       (cast(? as date) - d) + time '18:00' at time zone 'UTC'
                from generate_series(1, 30) d, generate_series(1, ?) n""",
                run, run, customer, site.id(), today, today, BASELINE_PER_DAY);
        assertThat(backDated).isEqualTo(30 * BASELINE_PER_DAY);

        for (int i = 0; i < SURGE; i++) {
            api.report("agent", customer, site.id(), fixture.installedAt(part, site));
        }

        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> watch.check(now));

        JsonNode alert = openAlertOf(api.read(api.get("supervisor", "/api/alerts").getBody()), customer);
        assertThat(alert).as("an open alert for customer %s; arrivals by day %s; alerts %s", customer,
                jdbc.queryForList("select date_trunc('day', created_at at time zone 'UTC')::date as day, count(*) from kpi_case "
                        + "where customer_code = ? group by 1 order by 1 desc limit 3", customer),
                jdbc.queryForList("select * from kpi_alert where series = ?", customer)).isNotNull();
        assertThat(alert.get("dimension").asText()).isEqualTo("CUSTOMER");
        assertThat(alert.get("observed").asInt()).isEqualTo(SURGE);
        assertThat(alert.get("baseline").asDouble()).isGreaterThanOrEqualTo(BASELINE_PER_DAY - 0.01).isLessThanOrEqualTo(BASELINE_PER_DAY + 0.01);
        assertThat(alert.get("upperLimit").asInt()).isLessThan(SURGE);
        assertThat(Instant.parse(alert.get("since").asText())).isEqualTo(today.atStartOfDay(ZoneOffset.UTC).toInstant());

        // The monitoring center's live data carries it for its banner.
        JsonNode live = api.read(api.get("supervisor", "/monitor/live").getBody());
        assertThat(openAlertOf(live.get("alerts"), customer)).isNotNull();

        // Every supervisor gets the mail, delivered by the outbox to their mailbox.
        List<String> supervisors = users.withRole(Role.SUPERVISOR).stream().map(UserSummary::email).toList();
        assertThat(supervisors).isNotEmpty();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> reached = List.of();
        while (Instant.now().isBefore(deadline)) {
            reached = Arrays.stream(mailServer.getReceivedMessages()).filter(m -> subject(m).contains(customer))
                    .flatMap(m -> recipients(m).stream()).distinct().toList();
            if (reached.containsAll(supervisors)) {
                break;
            }
            mailServer.waitForIncomingEmail(1000, 1);
        }
        assertThat(reached).containsAll(supervisors);

        // Nothing arrives afterwards. The next day the surge's day is the last complete interval and was above its limit,
        // so the alert stays open; the day after, the same job (clock moved on again) closes it.
        transactions.executeWithoutResult(tx -> watch.check(now.plus(Duration.ofDays(1))));
        assertThat(openAlertOf(api.read(api.get("supervisor", "/api/alerts").getBody()), customer)).isNotNull();
        transactions.executeWithoutResult(tx -> watch.check(now.plus(Duration.ofDays(2))));
        JsonNode after = api.read(api.get("supervisor", "/api/alerts").getBody());
        assertThat(openAlertOf(after, customer)).as("closed once the rate is back under control").isNull();
        boolean closedListed = false;
        for (JsonNode a : after) {
            closedListed |= a.get("series").asText().equals(customer) && !a.get("open").asBoolean() && !a.get("closedAt").isNull();
        }
        assertThat(closedListed).as("the closed alert stays listed as past").isTrue();
    }

    private static JsonNode openAlertOf(JsonNode alerts, String customer) {
        for (JsonNode a : alerts) {
            if (a.get("series").asText().equals(customer) && a.get("dimension").asText().equals("CUSTOMER")
                    && (a.get("open") == null || a.get("open").asBoolean())) {
                return a;
            }
        }
        return null;
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
