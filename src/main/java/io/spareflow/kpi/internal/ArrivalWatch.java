package io.spareflow.kpi.internal;

import io.spareflow.kpi.AlertDimension;
import io.spareflow.kpi.ArrivalAlertRaised;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches case arrivals per product line, region (responsible location) and customer against each series' own
 * rolling baseline ({@link ArrivalControl}); opens, updates and closes alerts, and announces each new one with
 * {@link ArrivalAlertRaised}. Quiet until the recorded history covers a whole baseline: a young database has no
 * baseline to judge by.
 */
@Component
class ArrivalWatch {

    private static final Logger log = LoggerFactory.getLogger(ArrivalWatch.class);

    private static final String ARRIVALS = """
            select dimension, series, floor(extract(epoch from created_at) / :seconds)::bigint as bucket, count(*) as arrivals
            from (select 'PRODUCT_LINE' as dimension, product_line as series, created_at from kpi_case
                  where created_at >= :from and created_at <= :now
                  union all
                  select 'REGION', responsible_location, created_at from kpi_case where created_at >= :from and created_at <= :now
                  union all
                  select 'CUSTOMER', customer_code, created_at from kpi_case where created_at >= :from and created_at <= :now) a
            group by 1, 2, 3""";

    private final NamedParameterJdbcTemplate jdbc;
    private final AlertStore alerts;
    private final AlertProperties properties;
    private final ArrivalControl control;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ArrivalWatch(NamedParameterJdbcTemplate jdbc, AlertStore alerts, AlertProperties properties,
                 ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.properties = properties;
        this.control = new ArrivalControl(properties.settings());
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${spareflow.kpi.alerts.check-every:PT15M}", initialDelayString = "PT20S")
    @SchedulerLock(name = "kpi-arrival-watch", lockAtMostFor = "PT10M")
    void scheduled() {
        if (properties.enabled()) {
            // One transaction: an alert is opened and its mail queued together (a direct call would bypass the proxy).
            transactions.executeWithoutResult(tx -> check(clock.instant()));
        }
    }

    private record Series(AlertDimension dimension, String name) {
    }

    /** One check at {@code now}, in the caller's transaction; returns how many alerts are open afterwards. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int check(Instant now) {
        long seconds = properties.interval().toSeconds();
        long current = Math.floorDiv(now.getEpochSecond(), seconds);
        long first = current - control.intervalsNeeded();
        Instant baselineStart = Instant.ofEpochSecond(first * seconds);
        Timestamp earliest = jdbc.getJdbcTemplate().queryForObject("select min(created_at) from rma_case", Timestamp.class);
        if (earliest == null || earliest.toInstant().isAfter(baselineStart)) {
            return alerts.open().size();
        }
        Map<Series, long[]> counts = new HashMap<>();
        jdbc.query(ARRIVALS, new MapSqlParameterSource().addValue("seconds", seconds)
                .addValue("from", Timestamp.from(baselineStart)).addValue("now", Timestamp.from(now)), rs -> {
            Series series = new Series(AlertDimension.valueOf(rs.getString("dimension")), rs.getString("series"));
            counts.computeIfAbsent(series, s -> new long[control.intervalsNeeded() + 1])[(int) (rs.getLong("bucket") - first)]
                    += rs.getLong("arrivals");
        });
        Map<Series, AlertStore.AlertView> open = new HashMap<>();
        alerts.open().forEach(a -> open.put(new Series(a.dimension(), a.series()), a));
        open.keySet().forEach(s -> counts.computeIfAbsent(s, x -> new long[control.intervalsNeeded() + 1]));
        Instant since = Instant.ofEpochSecond(current * seconds);
        counts.forEach((series, c) -> {
            ArrivalControl.Assessment a = control.assess(Arrays.copyOf(c, control.intervalsNeeded()), (int) c[control.intervalsNeeded()]);
            AlertStore.AlertView alert = open.get(series);
            switch (ArrivalControl.change(a, alert != null)) {
                case OPEN -> alerts.open(series.dimension(), series.name(), since, a, now).ifPresent(id -> {
                    log.warn("Arrival alert {} {}: {} cases since {} (baseline {} per interval, limit {})", series.dimension(),
                            series.name(), a.observed(), since, a.baseline(), a.upperLimit());
                    events.publishEvent(new ArrivalAlertRaised(id, series.dimension(), series.name(), a.observed(),
                            a.baseline(), a.upperLimit(), since));
                });
                case KEEP -> alerts.update(alert.id(), a, now);
                case CLOSE -> alerts.close(alert.id(), now);
                case NONE -> { }
            }
        });
        return alerts.open().size();
    }
}
