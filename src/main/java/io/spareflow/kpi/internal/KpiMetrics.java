package io.spareflow.kpi.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.spareflow.kpi.internal.process.JobBacklog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Operators' metrics for Prometheus (/actuator/prometheus, ADMIN only), counted from what the application records, so
 * every node reports the same totals whichever node did the work: cases reported by tier and channel, breaches by
 * step, scans by action and result, inbound mail by outcome (counters), mail outbox pending and failed, job executor
 * backlog and open arrival alerts (gauges). Refreshed by a periodic query, not on every scrape.
 */
@Component
class KpiMetrics {

    private record Counted(String name, String description, String sql, List<String> tags) {
    }

    private static final List<Counted> COUNTERS = List.of(
            new Counted("spareflow.cases.reported", "Cases reported", "select tier, channel, count(*) from rma_case group by 1, 2",
                    List.of("tier", "channel")),
            new Counted("spareflow.breaches", "SLA breaches detected", "select step, count(*) from case_breach group by 1",
                    List.of("step")),
            new Counted("spareflow.scans", "Scans", "select action, result, count(*) from scan_event group by 1, 2",
                    List.of("action", "result")),
            new Counted("spareflow.mail.inbound", "Inbound mails processed", "select outcome, count(*) from mail_inbound group by 1",
                    List.of("outcome")));

    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    KpiMetrics(JdbcTemplate jdbc, MeterRegistry registry, JobBacklog jobs, AlertStore alerts) {
        this.jdbc = jdbc;
        this.registry = registry;
        for (String status : List.of("PENDING", "FAILED")) {
            Gauge.builder("spareflow.mail.outbox", value("outbox:" + status), AtomicLong::get).tag("status", status)
                    .description("Mails in the outbox by status").register(registry);
        }
        Gauge.builder("spareflow.jobs.due", jobs, JobBacklog::due).description("Engine jobs due and waiting for an executor").register(registry);
        Gauge.builder("spareflow.jobs.failed", jobs, JobBacklog::failed).description("Engine jobs out of retries").register(registry);
        Gauge.builder("spareflow.alerts.open", alerts, a -> a.open().size()).description("Open arrival alerts").register(registry);
    }

    @Scheduled(fixedDelayString = "${spareflow.kpi.metrics-refresh:PT30S}", initialDelayString = "PT5S")
    void refresh() {
        for (Counted counted : COUNTERS) {
            jdbc.query(counted.sql(), rs -> {
                String[] tags = new String[counted.tags().size() * 2];
                StringBuilder key = new StringBuilder(counted.name());
                for (int i = 0; i < counted.tags().size(); i++) {
                    tags[2 * i] = counted.tags().get(i);
                    tags[2 * i + 1] = rs.getString(i + 1);
                    key.append(':').append(tags[2 * i + 1]);
                }
                long count = rs.getLong(counted.tags().size() + 1);
                values.computeIfAbsent(key.toString(), k -> {
                    AtomicLong holder = new AtomicLong();
                    FunctionCounter.builder(counted.name(), holder, AtomicLong::doubleValue).tags(Tags.of(tags))
                            .description(counted.description()).register(registry);
                    return holder;
                }).set(count);
            });
        }
        // Both statuses always, so a gauge drops to zero when the last such mail is gone.
        jdbc.query("select s.status, count(m.id) from (values ('PENDING'), ('FAILED')) as s (status) "
                + "left join mail_outbox m on m.status = s.status group by 1", rs -> {
                    value("outbox:" + rs.getString(1)).set(rs.getLong(2));
                });
    }

    private AtomicLong value(String key) {
        return values.computeIfAbsent(key, k -> new AtomicLong());
    }
}
