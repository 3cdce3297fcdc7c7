package io.spareflow.kpi.internal;

import io.spareflow.kpi.internal.KpiReport.Bucket;
import io.spareflow.kpi.internal.KpiReport.ChargeFlagged;
import io.spareflow.kpi.internal.KpiReport.Comment;
import io.spareflow.kpi.internal.KpiReport.DefectiveReturn;
import io.spareflow.kpi.internal.KpiReport.Dpmo;
import io.spareflow.kpi.internal.KpiReport.Durations;
import io.spareflow.kpi.internal.KpiReport.FillRate;
import io.spareflow.kpi.internal.KpiReport.LegDurations;
import io.spareflow.kpi.internal.KpiReport.Month;
import io.spareflow.kpi.internal.KpiReport.NffRate;
import io.spareflow.kpi.internal.KpiReport.Ratio;
import io.spareflow.kpi.internal.KpiReport.RepeatNff;
import io.spareflow.kpi.internal.KpiReport.Satisfaction;
import io.spareflow.kpi.internal.KpiReport.StepCompliance;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.TimelineKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the KPIs of a period with SQL over the other features' tables (read only, through the kpi_case and
 * kpi_installation views and their tables): counts are grouped by UTC month, so the period's totals are the sums of
 * its months; medians and percentiles are computed over the whole period.
 */
@Component
@Transactional(readOnly = true)
class KpiQueries {

    private static final String MONTH = "to_char(date_trunc('month', %s at time zone 'UTC'), 'YYYY-MM')";
    private static final int LISTED = 200;
    /** The steps with an SLA clock (a backorder is escalated but has no clock). */
    static final List<SlaStep> CLOCKED_STEPS = java.util.Arrays.stream(SlaStep.values()).filter(s -> s != SlaStep.BACKORDER).toList();
    /** Histogram edges in hours: up to 4 h, a working day, a day, 3 days, a week, two weeks, a month. */
    private static final double[] EDGES = {0, 4, 8, 24, 72, 168, 336, 720};

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    KpiQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    KpiReport report(KpiFilter filter) {
        Instant now = clock.instant();
        MapSqlParameterSource p = filter.parameters(now)
                .addValue("transferred", TimelineKind.TRANSFERRED.name())
                .addValue("closed", TimelineKind.CLOSED.name())
                .addValue("defectiveReturn", SlaStep.DEFECTIVE_RETURN.name());
        Map<String, Map<SlaStep, long[]>> sla = slaByMonth(p);
        Map<String, long[]> fill = byMonth(p, FILL_RATE, 2);
        Map<String, long[]> nff = byMonth(p, NFF, 3);
        Map<String, long[]> owner = byMonth(p, FIRST_OWNER, 2);
        Map<String, long[]> satisfaction = byMonth(p, SATISFACTION, 4);

        List<Month> months = new ArrayList<>();
        for (YearMonth ym : filter.months()) {
            String m = ym.toString();
            List<StepCompliance> steps = compliance(sla.getOrDefault(m, Map.of()));
            long[] s = satisfaction.getOrDefault(m, new long[4]);
            months.add(new Month(m, steps, totalDpmo(steps), sigma(totalDpmo(steps)),
                    ratio(fill.get(m), 1, 0), ratio(nff.get(m), 1, 0), ratio(owner.get(m), 1, 0),
                    satisfaction(s, List.of())));
        }
        List<StepCompliance> steps = compliance(sum(sla.values()));
        Dpmo dpmo = totalDpmo(steps);
        long[] fillTotal = sumRows(fill.values(), 2);
        Backorders backorders = jdbc.queryForObject(BACKORDERS, p, (rs, i) -> new Backorders(rs.getLong(1), rs.getLong(2), rs.getDouble(3)));
        long[] nffTotal = sumRows(nff.values(), 3);
        StepCompliance returns = steps.stream().filter(c -> c.step().equals(SlaStep.DEFECTIVE_RETURN.name())).findFirst().orElseThrow();
        List<ChargeFlagged> charged = jdbc.query(CHARGE_FLAGGED, p, (rs, i) -> new ChargeFlagged(rs.getString(1), rs.getString(2),
                rs.getString(3), instant(rs, 4), instant(rs, 5)));
        Map<String, Durations> clockDurations = new HashMap<>();
        for (SlaStep step : List.of(SlaStep.SPARE_ON_SITE, SlaStep.REPAIR_TURNAROUND)) {
            clockDurations.put(step.name(), durations(jdbc.queryForList(CLOCK_HOURS, new MapSqlParameterSource(p.getValues())
                    .addValue("step", step.name()), Double.class)));
        }
        Map<LegType, List<Double>> legHours = new EnumMap<>(LegType.class);
        jdbc.query(LEG_HOURS, p, rs -> {
            legHours.computeIfAbsent(LegType.valueOf(rs.getString(1)), l -> new ArrayList<>()).add(rs.getDouble(2));
        });
        List<LegDurations> legs = new ArrayList<>();
        for (LegType leg : LegType.values()) {
            legs.add(new LegDurations(leg, durations(legHours.getOrDefault(leg, List.of()))));
        }
        List<RepeatNff> rogues = jdbc.query(REPEAT_NFF, p, (rs, i) -> new RepeatNff(rs.getString(1), rs.getString(2),
                rs.getString(3), instant(rs, 4)));
        List<Comment> comments = jdbc.query(COMMENTS, p, (rs, i) -> new Comment(rs.getString(1), rs.getInt(2),
                rs.getString(3), instant(rs, 4)));

        return new KpiReport(new KpiReport.Period(filter.from(), filter.to(), now),
                new KpiReport.Filters(filter.tier(), filter.productLine(), filter.customer(), filter.region()),
                steps, dpmo, sigma(dpmo),
                new FillRate(fillTotal[1], fillTotal[0], percent(fillTotal[1], fillTotal[0]), backorders.placed(), backorders.served(),
                        backorders.hours(), backorders.served() == 0 ? null : backorders.hours() / backorders.served()),
                clockDurations.get(SlaStep.SPARE_ON_SITE.name()), clockDurations.get(SlaStep.REPAIR_TURNAROUND.name()),
                legs,
                new NffRate(nffTotal[1], nffTotal[0], percent(nffTotal[1], nffTotal[0]), Ratio.of(nffTotal[2], nffTotal[0]), rogues),
                new DefectiveReturn(returns.due(), returns.met(), returns.breached(), returns.open(), returns.percent(),
                        charged.size(), charged),
                ratio(sumRows(owner.values(), 2), 1, 0),
                satisfaction(sumRows(satisfaction.values(), 4), comments),
                months);
    }

    // ---- SLA clocks: due in the period, by step and month ----

    private static final String SLA = """
            select k.step, %s as month, count(*) as due,
                   count(*) filter (where k.met_at is not null and not k.breached) as met,
                   count(*) filter (where k.breached or (k.met_at is null and k.due_at < :now)) as breached
            from case_sla_clock k join kpi_case c on c.id = k.case_id
            where k.due_at >= :start and k.due_at < :end
            """.formatted(MONTH.formatted("k.due_at")) + KpiFilter.CASE_FILTER + " group by 1, 2";

    private Map<String, Map<SlaStep, long[]>> slaByMonth(MapSqlParameterSource p) {
        Map<String, Map<SlaStep, long[]>> byMonth = new HashMap<>();
        jdbc.query(SLA, p, rs -> {
            SlaStep step = step(rs.getString(1));
            if (step != null) {
                byMonth.computeIfAbsent(rs.getString(2), m -> new EnumMap<>(SlaStep.class))
                        .put(step, new long[]{rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        });
        return byMonth;
    }

    private static SlaStep step(String name) {
        return CLOCKED_STEPS.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static Map<SlaStep, long[]> sum(Iterable<Map<SlaStep, long[]>> months) {
        Map<SlaStep, long[]> total = new EnumMap<>(SlaStep.class);
        for (Map<SlaStep, long[]> month : months) {
            month.forEach((step, counts) -> {
                long[] t = total.computeIfAbsent(step, s -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    t[i] += counts[i];
                }
            });
        }
        return total;
    }

    private static List<StepCompliance> compliance(Map<SlaStep, long[]> counts) {
        List<StepCompliance> steps = new ArrayList<>();
        for (SlaStep step : CLOCKED_STEPS) {
            long[] c = counts.getOrDefault(step, new long[3]);
            long due = c[0];
            long met = c[1];
            long breached = c[2];
            Dpmo dpmo = Dpmo.of(breached, met + breached);
            steps.add(new StepCompliance(step.name(), due, met, breached, due - met - breached, percent(met, met + breached),
                    dpmo, sigma(dpmo)));
        }
        return steps;
    }

    private static Dpmo totalDpmo(List<StepCompliance> steps) {
        return Dpmo.of(steps.stream().mapToLong(StepCompliance::breached).sum(),
                steps.stream().mapToLong(s -> s.met() + s.breached()).sum());
    }

    private static Double sigma(Dpmo dpmo) {
        return SigmaLevel.of(dpmo.defects(), dpmo.opportunities());
    }

    // ---- additive counts by month ----

    /** First spare request of each case created in the period: [requests, served from stock within the limit]. */
    private static final String FILL_RATE = """
            select %s as month, count(*),
                   count(*) filter (where d.kind = 'RESERVED' and not r.predicted_breach)
            from spare_reservation r
            join kpi_case c on c.number = r.case_number
            join lateral (select sd.kind from sourcing_decision sd where sd.reservation_id = r.id
                          order by sd.made_at, sd.id limit 1) d on true
            where r.created_at >= :start and r.created_at < :end
              and r.id = (select min(r2.id) from spare_reservation r2 where r2.case_number = r.case_number)
            """.formatted(MONTH.formatted("r.created_at")) + KpiFilter.CASE_FILTER + " group by 1";

    /** Repairs finished in the period: [finished, NFF, scrapped]. */
    private static final String NFF = """
            select %s as month, count(*), count(*) filter (where r.outcome = 'NFF'),
                   count(*) filter (where r.outcome = 'SCRAPPED')
            from repair_order r join kpi_case c on c.number = r.case_number
            where r.outcome is not null and r.completed_at >= :start and r.completed_at < :end
            """.formatted(MONTH.formatted("r.completed_at")) + KpiFilter.CASE_FILTER + " group by 1";

    /** Cases closed in the period: [closed, closed by their first owner who never handed them on]. */
    private static final String FIRST_OWNER = """
            select %s as month, count(*),
                   count(*) filter (where not exists (select 1 from case_timeline t where t.case_id = c.id and t.kind = :transferred)
                                      and exists (select 1 from case_timeline t where t.case_id = c.id and t.kind = :closed
                                                  and t.actor = c.first_owner))
            from kpi_case c
            where c.closed_at >= :start and c.closed_at < :end
            """.formatted(MONTH.formatted("c.closed_at")) + KpiFilter.CASE_FILTER + " group by 1";

    /** Cases closed in the period: [closed, responses, score sum, scores 4–5]. */
    private static final String SATISFACTION = """
            select %s as month, count(*), count(s.case_number), coalesce(sum(s.score), 0),
                   count(*) filter (where s.score >= 4)
            from kpi_case c left join survey_response s on s.case_number = c.number
            where c.closed_at >= :start and c.closed_at < :end
            """.formatted(MONTH.formatted("c.closed_at")) + KpiFilter.CASE_FILTER + " group by 1";

    private Map<String, long[]> byMonth(MapSqlParameterSource p, String sql, int columns) {
        Map<String, long[]> byMonth = new HashMap<>();
        jdbc.query(sql, p, rs -> {
            long[] row = new long[columns];
            for (int i = 0; i < columns; i++) {
                row[i] = rs.getLong(i + 2);
            }
            byMonth.put(rs.getString(1), row);
        });
        return byMonth;
    }

    private static long[] sumRows(Iterable<long[]> rows, int columns) {
        long[] total = new long[columns];
        rows.forEach(row -> {
            for (int i = 0; i < columns; i++) {
                total[i] += row[i];
            }
        });
        return total;
    }

    private static Ratio ratio(long[] row, int numerator, int denominator) {
        return row == null ? Ratio.of(0, 0) : Ratio.of(row[numerator], row[denominator]);
    }

    private static Satisfaction satisfaction(long[] s, List<Comment> comments) {
        return new Satisfaction(s[0], s[1], Ratio.of(s[1], s[0]), s[2], s[1] == 0 ? null : (double) s[2] / s[1],
                Ratio.of(s[3], s[1]), comments);
    }

    // ---- backorders, durations, lists ----

    private record Backorders(long placed, long served, double hours) {
    }

    /** Backorders placed in the period: placed, served, hours waited by the served ones. */
    private static final String BACKORDERS = """
            select count(*), count(s.made_at), coalesce(sum(extract(epoch from s.made_at - b.made_at)) / 3600.0, 0)
            from sourcing_decision b
            join kpi_case c on c.number = b.case_number
            left join lateral (select sd.made_at from sourcing_decision sd where sd.reservation_id = b.reservation_id
                               and sd.kind = 'BACKORDER_SERVED' order by sd.made_at, sd.id limit 1) s on true
            where b.kind = 'BACKORDER' and b.made_at >= :start and b.made_at < :end
            """ + KpiFilter.CASE_FILTER;

    /** Hours from start to met of a step's clocks met in the period. */
    private static final String CLOCK_HOURS = """
            select extract(epoch from k.met_at - k.started_at) / 3600.0
            from case_sla_clock k join kpi_case c on c.id = k.case_id
            where k.step = :step and k.met_at >= :start and k.met_at < :end
            """ + KpiFilter.CASE_FILTER;

    /**
     * The legs of each case's boards (the faulty one, the spare), from custody rows within the case's lifetime; a leg
     * counts in the period it ends in.
     */
    private static final String LEG_HOURS = """
            with case_board as (
                select c.id as case_id, c.created_at, coalesce(c.closed_at, :now) as ended, b.id as board_id,
                       b.serial = c.faulty_serial as faulty
                from kpi_case c join board b on b.serial = c.faulty_serial or b.serial = c.spare_serial
                where c.created_at < :end and coalesce(c.closed_at, :now) >= :start
            """ + KpiFilter.CASE_FILTER + """
            ), move as (
                select cb.case_id, cb.faulty, cb.created_at, bc.to_status, bc.moved_at,
                       lead(bc.moved_at) over (partition by cb.case_id, cb.board_id order by bc.moved_at, bc.id) as next_at
                from case_board cb
                join board_custody bc on bc.board_id = cb.board_id and bc.moved_at >= cb.created_at and bc.moved_at <= cb.ended
            ), leg as (
                select 'DEPOT_HANDLING' as leg, min(moved_at) filter (where to_status = 'RESERVED') as s,
                       min(moved_at) filter (where to_status = 'IN_TRANSIT') as e
                from move where not faulty group by case_id
                union all
                select 'TRANSIT', moved_at, next_at from move where to_status = 'IN_TRANSIT'
                union all
                select 'CUSTOMER_RETURN', min(created_at), min(moved_at) filter (where to_status = 'DEFECTIVE_RECEIVED')
                from move where faulty group by case_id
                union all
                select 'REPAIR', min(moved_at) filter (where to_status = 'DEFECTIVE_RECEIVED'),
                       min(moved_at) filter (where to_status in ('REPAIRED', 'NFF', 'SCRAPPED'))
                from move where faulty group by case_id
            )
            select leg, extract(epoch from e - s) / 3600.0 from leg
            where s is not null and e is not null and e >= s and e >= :start and e < :end
            """;

    private static final String REPEAT_NFF = """
            select r.serial, r.part_number, r.case_number, r.completed_at
            from repair_order r join kpi_case c on c.number = r.case_number
            where r.suspected_rogue and r.completed_at >= :start and r.completed_at < :end
            """ + KpiFilter.CASE_FILTER + " order by r.completed_at desc limit " + LISTED;

    private static final String CHARGE_FLAGGED = """
            select c.number, c.customer_code, c.faulty_serial, k.due_at, k.met_at
            from case_sla_clock k join kpi_case c on c.id = k.case_id
            where k.step = :defectiveReturn and c.charge_flag and k.due_at >= :start and k.due_at < :end
            """ + KpiFilter.CASE_FILTER + " order by k.due_at, c.number limit " + LISTED;

    private static final String COMMENTS = """
            select c.number, s.score, s.comment, s.answered_at
            from kpi_case c join survey_response s on s.case_number = c.number
            where c.closed_at >= :start and c.closed_at < :end and coalesce(s.comment, '') <> ''
            """ + KpiFilter.CASE_FILTER + " order by s.answered_at desc limit " + LISTED;

    private Durations durations(List<Double> hours) {
        List<Double> sorted = hours.stream().sorted().toList();
        int n = sorted.size();
        double total = sorted.stream().mapToDouble(Double::doubleValue).sum();
        List<Bucket> histogram = new ArrayList<>();
        for (int i = 0; i < EDGES.length; i++) {
            double from = EDGES[i];
            Double to = i + 1 < EDGES.length ? EDGES[i + 1] : null;
            histogram.add(new Bucket(from, to, sorted.stream().filter(h -> h >= from && (to == null || h < to)).count()));
        }
        return new Durations(n, total, n == 0 ? null : total / n, percentile(sorted, 0.5), percentile(sorted, 0.9), histogram);
    }

    /** Linear interpolation between closest ranks (PostgreSQL's percentile_cont, Excel's PERCENTILE.INC). */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        double rank = p * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
    }

    private static Double percent(long numerator, long denominator) {
        return denominator == 0 ? null : 100.0 * numerator / denominator;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
