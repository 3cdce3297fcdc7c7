package io.spareflow.kpi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the monitoring center shows live: KPI tiles of the last 30 days, open cases by state and tier, open breaches,
 * open alerts, stock against target by depot and part (largest deficits first), charge-flagged returns.
 */
@Component
@Transactional(readOnly = true)
class MonitorQueries {

    static final int LISTED = 60;
    /** The tiles are the 30-day KPIs: recomputed at most this often, however many screens poll. */
    static final Duration TILE_AGE = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final KpiQueries kpis;
    private final AlertStore alerts;
    private final Clock clock;
    private final int defaultStockTarget;
    private final MessageSource messages;
    private final ObjectMapper json;
    private volatile Tiles tiles;

    MonitorQueries(JdbcTemplate jdbc, KpiQueries kpis, AlertStore alerts, Clock clock, MessageSource messages,
                   ObjectMapper json, @Value("${spareflow.repair.default-stock-target:3}") int defaultStockTarget) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.json = json;
        this.kpis = kpis;
        this.alerts = alerts;
        this.clock = clock;
        this.defaultStockTarget = defaultStockTarget;
    }

    record Snapshot(Instant at, long openCases, Tiles tiles, List<StateTier> openByStateAndTier, List<OpenBreach> breachesNow,
                    List<AlertStore.AlertView> alerts, List<StockLevel> stock, List<ChargeFlaggedReturn> chargeFlagged,
                    List<StalledCase> stalled) {
    }

    /**
     * A waiting step the stall audit found unable to complete, still unresolved: what it needs and what is true, in the
     * reader's language ({@code step} is the BPMN id, {@code stepName} its name).
     */
    record StalledCase(String caseNumber, String step, String stepName, String expected, String actual, Instant foundAt) {
    }

    /** The 30-day KPIs a monitoring center glances at; each a percentage (or level) with the counts behind it. */
    record Tiles(Instant computedAt, KpiReport.Ratio slaCompliance, Double sigmaLevel, KpiReport.Ratio fillRate,
                 KpiReport.Ratio nffRate, KpiReport.Ratio satisfied) {
    }

    record StateTier(String state, String tier, long cases) {
    }

    record OpenBreach(String caseNumber, String step, Instant limitAt, Instant detectedAt, String owner, String tier) {
    }

    record StockLevel(String depot, String city, String partNumber, long available, long target, long deficit) {
    }

    record ChargeFlaggedReturn(String caseNumber, String customerCode, String faultySerial, String state, Instant reportedAt) {
    }

    Snapshot snapshot() {
        Instant now = clock.instant();
        List<StateTier> open = jdbc.query("select state, tier, count(*) from rma_case where state not in ('CLOSED', 'CANCELLED') group by 1, 2 order by 1, 2",
                (rs, i) -> new StateTier(rs.getString(1), rs.getString(2), rs.getLong(3)));
        return new Snapshot(now, open.stream().mapToLong(StateTier::cases).sum(), tiles(now), open, breaches(), alerts.open(),
                stock(), chargeFlagged(), stalled());
    }

    private Tiles tiles(Instant now) {
        Tiles current = tiles;
        if (current == null || current.computedAt().plus(TILE_AGE).isBefore(now)) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            KpiReport r = kpis.report(new KpiFilter(today.minusDays(KpiRequests.DEFAULT_DAYS - 1), today, null, null, null, null));
            long met = r.slaCompliance().stream().mapToLong(KpiReport.StepCompliance::met).sum();
            current = new Tiles(now, KpiReport.Ratio.of(met, r.dpmo().opportunities()), r.sigmaLevel(),
                    KpiReport.Ratio.of(r.fillRate().numerator(), r.fillRate().denominator()),
                    KpiReport.Ratio.of(r.nffRate().numerator(), r.nffRate().denominator()), r.satisfaction().satisfied());
            tiles = current;
        }
        return current;
    }

    private List<OpenBreach> breaches() {
        return jdbc.query("""
                select c.number, b.step, b.limit_at, b.detected_at, b.owner, c.tier
                from case_breach b join rma_case c on c.id = b.case_id
                where b.actual_at is null and c.state not in ('CLOSED', 'CANCELLED')
                order by b.limit_at, c.number limit ?""", (rs, i) -> new OpenBreach(rs.getString(1), rs.getString(2),
                instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6)), LISTED);
    }

    /** Every depot × part of the catalogue, with its target (or the default) and what is available there. */
    private List<StockLevel> stock() {
        return jdbc.query("""
                select l.code, l.city, p.part_number, coalesce(s.available, 0), coalesce(t.target, ?) as target
                from location l cross join part p
                left join stock_target t on t.location_code = l.code and t.part_number = p.part_number
                left join (select location_code, part_number, count(*) as available from board where status = 'AVAILABLE'
                           group by 1, 2) s on s.location_code = l.code and s.part_number = p.part_number
                where l.type in ('OFFICE_DEPOT', 'OVERSEAS_DEPOT') and l.active and p.superseded_by is null
                order by coalesce(t.target, ?) - coalesce(s.available, 0) desc, l.code, p.part_number limit ?""",
                (rs, i) -> new StockLevel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        Math.max(0, rs.getLong(5) - rs.getLong(4))), defaultStockTarget, defaultStockTarget, LISTED);
    }

    /** Charge-flagged cases, open ones first (billing follows them up), newest first. */
    private List<ChargeFlaggedReturn> chargeFlagged() {
        return jdbc.query("""
                select number, customer_code, faulty_serial, state, created_at from kpi_case where charge_flag
                order by state in ('CLOSED', 'CANCELLED'), created_at desc limit ?""", (rs, i) -> new ChargeFlaggedReturn(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5))), LISTED);
    }

    /** The stall audit's open findings (recorded by its job, cleared when put right), oldest first. */
    private List<StalledCase> stalled() {
        Locale reader = LocaleContextHolder.getLocale();
        return jdbc.query("""
                select case_number, step, expected, actual, found_at, expected_key, expected_args::text, actual_key,
                       actual_args::text
                from case_stall where cleared_at is null
                order by found_at, case_number limit ?""", (rs, i) -> new StalledCase(rs.getString(1), rs.getString(2),
                messages.getMessage("task." + rs.getString(2), null, rs.getString(2), reader),
                worded(rs.getString(6), rs.getString(7), rs.getString(3), reader),
                worded(rs.getString(8), rs.getString(9), rs.getString(4), reader), instant(rs.getTimestamp(5))), LISTED);
    }

    /** A stored message in the reader's language; a row recorded before keys were stored keeps its English. */
    private String worded(String key, String arguments, String english, Locale reader) {
        if (key == null) {
            return english;
        }
        try {
            return messages.getMessage(key, json.readValue(arguments, String[].class), english, reader);
        } catch (JsonProcessingException e) {
            return english;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
