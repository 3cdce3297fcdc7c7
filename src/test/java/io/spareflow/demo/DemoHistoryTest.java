package io.spareflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import io.spareflow.part.PartInfo;
import io.spareflow.part.ProductLine;
import io.spareflow.rma.RmaApiTestSupport;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import io.spareflow.user.Users;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo history, written for customers and a part of this test's own in 2019 (so no other test's period or
 * baseline sees it): its rows hold together (custody chains, clocks inside the case's life, case numbers after the
 * counter), it has the seasonal shape, and the KPIs the API computes from it equal counts made by hand from the raw
 * tables.
 */
@SpareflowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoHistoryTest extends RmaApiTestSupport {

    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2020, 1, 1);
    private static final String PERIOD = "from=2019-01-01&to=2019-12-31";

    @Autowired
    DemoHistory history;
    @Autowired
    Customers customers;
    @Autowired
    Locations locations;
    @Autowired
    ServiceTiers tiers;
    @Autowired
    Users users;
    @Autowired
    JdbcTemplate jdbc;

    String gold;
    String bronze;
    String part;
    DemoHistory.Written written;

    @BeforeAll
    void writeHistory() {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        gold = "HG" + run;
        bronze = "HB" + run;
        part = "HIST-" + run;
        // A part of the test's own: the spares the history leaves in stock are of a part no other test asks for.
        jdbc.update("insert into part (part_number, product_line, description, revision, repairable, repair_turnaround_days) "
                + "values (?, 'DATA', 'History test line card', 'A', true, 7)", part);
        PartInfo partInfo = new PartInfo(part, ProductLine.DATA, "History test line card", "A", null, true, 7, null, null);
        customers.create(gold, "History test GOLD " + run, "CN");
        customers.create(bronze, "History test BRONZE " + run, "KE");
        List<SiteInfo> sites = List.of(
                customers.addSite(gold, "Gold site A " + run, "Chengdu", "CN", 30.62, 104.08, "Asia/Shanghai"),
                customers.addSite(gold, "Gold site B " + run, "Guangzhou", "CN", 23.13, 113.26, "Asia/Shanghai"),
                customers.addSite(bronze, "Bronze site " + run, "Nairobi", "KE", -1.29, 36.82, "Africa/Nairobi"));
        Map<String, ServiceTier> tierOf = Map.of(gold, tiers.require("GOLD"), bronze, tiers.require("BRONZE"));
        // The demo's repair centers (each has its technician); other tests import centers nobody works at.
        List<LocationInfo> demoCenters = locations.ofType(LocationType.REPAIR_CENTER).stream()
                .filter(center -> users.find("tech-" + center.code()).isPresent()).toList();
        DemoHistory.Scope scope = new DemoHistory.Scope(sites, tierOf, locations.depots(), demoCenters,
                center -> List.of(ProductLine.values()), List.of(partInfo), "HT" + run.substring(0, 2), 200);
        written = history.write(scope, FIRST, LAST, Instant.parse("2020-01-01T00:00:00Z"), 3, 7L);
    }

    @Test
    void theYearHasItsSeasonAndEveryCaseIsClosedInIt() {
        assertThat(written.cases()).isBetween(800, 1600);
        // 1–7 January (the end-of-December days are cut short: their cases would not be closed by the history's end).
        long peakDays = 7;
        long inPeak = count("""
                select count(*) from rma_case where customer_code in (?, ?) and created_at < '2019-01-08'""");
        long ordinary = count("""
                select count(*) from rma_case where customer_code in (?, ?)
                  and created_at >= '2019-03-01' and created_at < '2019-12-01'""");
        assertThat((double) inPeak / peakDays).as("New-Year peak per day vs an ordinary day")
                .isGreaterThan(1.5 * ordinary / 275.0);
        assertThat(count("select count(*) from rma_case where customer_code in (?, ?) and (state <> 'CLOSED' or closed_at >= '2020-01-01')"))
                .isZero();
        assertThat(count("""
                select count(*) from case_sla_clock k join rma_case c on c.id = k.case_id
                where c.customer_code in (?, ?) and (k.met_at > c.closed_at or k.started_at < c.created_at - interval '1 second')""")).isZero();
        // Both tiers breach somewhere, and both meet most clocks.
        for (String tier : List.of("GOLD", "BRONZE")) {
            long breached = jdbc.queryForObject("""
                    select count(*) from case_sla_clock k join rma_case c on c.id = k.case_id
                    where c.customer_code in (?, ?) and c.tier = ? and k.breached""", Long.class, gold, bronze, tier);
            long all = jdbc.queryForObject("""
                    select count(*) from case_sla_clock k join rma_case c on c.id = k.case_id
                    where c.customer_code in (?, ?) and c.tier = ?""", Long.class, gold, bronze, tier);
            assertThat(breached).as(tier).isPositive().isLessThan(all / 4);
        }
    }

    @Test
    void custodyChainsAndBoardsAgree() {
        // Every hand-off starts where the one before ended, and the board stands where its last hand-off left it.
        assertThat(count("""
                with m as (select bc.*, lag(bc.to_status) over (partition by bc.board_id order by bc.moved_at, bc.id) as before
                           from board_custody bc join board b on b.id = bc.board_id where b.part_number = ?)
                select count(*) from m where before is distinct from from_status""", part)).isZero();
        assertThat(count("""
                select count(*) from board b where b.part_number = ? and b.status <> (
                    select bc.to_status from board_custody bc where bc.board_id = b.id order by bc.moved_at desc, bc.id desc limit 1)""",
                part)).isZero();
        // A board is never on two cases at once.
        assertThat(count("""
                select count(*) from rma_case a join case_line la on la.case_id = a.id
                join case_line lb on lb.serial = la.serial join rma_case b on b.id = lb.case_id and a.id < b.id
                where a.customer_code in (?, ?) and b.created_at < a.closed_at""")).isZero();
        assertThat(count("""
                select count(*) from rma_case c where c.customer_code in (?, ?)
                  and cast(substring(c.number from 10) as bigint) > (select last_value from rma_case_counter where year = 2019)""")).isZero();
    }

    @Test
    void kpisEqualHandCountsFromTheRawRows() {
        long[] total = new long[3];
        for (String customer : List.of(gold, bronze)) {
            JsonNode kpis = api.read(api.get("quality", "/api/kpis?" + PERIOD + "&customer=" + customer).getBody());
            for (JsonNode step : kpis.get("slaCompliance")) {
                List<Long> hand = jdbc.query("""
                        select count(*), count(*) filter (where k.met_at <= k.due_at), count(*) filter (where k.met_at > k.due_at)
                        from case_sla_clock k join rma_case c on c.id = k.case_id
                        where c.customer_code = ? and k.step = ? and k.due_at >= '2019-01-01' and k.due_at < '2020-01-01'""",
                        (rs, i) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)), customer, step.get("step").asText()).get(0);
                assertThat(List.of(step.get("due").asLong(), step.get("met").asLong(), step.get("breached").asLong()))
                        .as("%s %s", customer, step.get("step").asText()).isEqualTo(hand);
                total[0] += hand.get(2);
                total[1] += hand.get(1) + hand.get(2);
            }
            JsonNode nff = kpis.get("nffRate");
            assertThat(nff.get("denominator").asLong()).isEqualTo(countFor(customer,
                    "select count(*) from repair_order r join rma_case c on c.number = r.case_number where c.customer_code = ? "
                            + "and r.completed_at >= '2019-01-01' and r.completed_at < '2020-01-01'"));
            assertThat(nff.get("numerator").asLong()).isEqualTo(countFor(customer,
                    "select count(*) from repair_order r join rma_case c on c.number = r.case_number where c.customer_code = ? "
                            + "and r.outcome = 'NFF' and r.completed_at >= '2019-01-01' and r.completed_at < '2020-01-01'"));
            JsonNode satisfaction = kpis.get("satisfaction");
            assertThat(satisfaction.get("closedCases").asLong()).isEqualTo(countFor(customer,
                    "select count(*) from rma_case c where c.customer_code = ? and c.closed_at < '2020-01-01'"));
            assertThat(satisfaction.get("satisfied").get("numerator").asLong()).isEqualTo(countFor(customer,
                    "select count(*) from survey_response s join rma_case c on c.number = s.case_number where c.customer_code = ? and s.score >= 4"));
            assertThat(kpis.get("firstOwnerClosure").get("numerator").asLong()).isEqualTo(countFor(customer, """
                    select count(*) from rma_case c where c.customer_code = ?
                      and not exists (select 1 from case_timeline t where t.case_id = c.id and t.kind = 'TRANSFERRED')"""));
            total[2] += kpis.get("fillRate").get("denominator").asLong();
        }
        assertThat(total[0]).isPositive();
        JsonNode gold = api.read(api.get("quality", "/api/kpis?" + PERIOD + "&customer=" + this.gold).getBody());
        JsonNode dpmo = gold.get("dpmo");
        assertThat(dpmo.get("value").asDouble()).isCloseTo(1e6 * dpmo.get("defects").asLong() / dpmo.get("opportunities").asLong(),
                within(0.01));
        // GOLD exchanges in advance: one spare request per case that needed one; BRONZE repairs and returns.
        assertThat(gold.get("fillRate").get("denominator").asLong()).isEqualTo(countFor(this.gold,
                "select count(*) from rma_case c where c.customer_code = ? and c.diagnosis_outcome = 'SPARE_NEEDED'"));
        assertThat(gold.get("nffRate").get("percent").asDouble()).isBetween(8.0, 30.0);
        assertThat(total[2]).isEqualTo(gold.get("fillRate").get("denominator").asLong());
    }

    @Test
    void itsTimelinesAndDecisionsAreKeptAsKeysAndReadInChineseAndInEnglish() {
        assertThat(count("""
                select count(*) from case_timeline t join rma_case c on c.id = t.case_id
                where c.customer_code in (?, ?) and t.text_key is null""")).isZero();
        assertThat(count("""
                select count(*) from sourcing_decision d join rma_case c on c.number = d.case_number
                where c.customer_code in (?, ?) and d.reason_key is null""")).isZero();
        String number = jdbc.queryForObject("""
                select c.number from rma_case c where c.customer_code = ?
                  and exists (select 1 from sourcing_decision d where d.case_number = c.number and d.kind = 'RESERVED')
                order by c.id limit 1""", String.class, gold);

        JsonNode english = api.readIn("supervisor", "en", "/api/cases/" + number);
        JsonNode chinese = api.readIn("supervisor", "zh-CN", "/api/cases/" + number);
        assertThat(chinese.get("timeline")).hasSameSizeAs(english.get("timeline")).hasSizeGreaterThan(5);
        for (int i = 0; i < english.get("timeline").size(); i++) {
            String inEnglish = english.get("timeline").get(i).get("text").asText();
            String inChinese = chinese.get("timeline").get(i).get("text").asText();
            assertThat(inChinese).as(inEnglish).isNotEqualTo(inEnglish).containsPattern("\\p{IsHan}");
        }
        assertThat(english.get("timeline").get(0).get("text").asText()).startsWith("Fault reported by ");
        assertThat(chinese.get("timeline").get(0).get("text").asText()).startsWith("经 ");
        assertThat(api.readIn("supervisor", "en", "/api/sourcing/decisions/" + number).get(0).get("reason").asText())
                .isEqualTo("Nearest depot with the part in stock");
        assertThat(api.readIn("supervisor", "zh-CN", "/api/sourcing/decisions/" + number).get(0).get("reason").asText())
                .isEqualTo("持有该料号库存的最近备件库");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class, gold, bronze);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private long countFor(String customer, String sql) {
        return jdbc.queryForObject(sql, Long.class, customer);
    }
}
