package io.spareflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Timers due at the same moment on one node beside a backlog of open cases ({@link DueTimers}), twice in the same
 * run: with the job executor as it was configured before issue 15 (Camunda's acquisition defaults, 4/10 threads),
 * then as application.yml configures it now; and the acquisition query's plan over the backlog with and without the
 * due-date index; then a round of {@code -Dbenchmark.counted} timers (1,000) with the statement counter on: statements
 * and CPU per fired timer. The target: all of 10k due at once fired within 60 s, none twice.
 * <pre>mvn -B test -Pbenchmark -Dtest=TimerBenchmark -Dbenchmark.open=100000 -Dbenchmark.due=10000 -Dbenchmark.open-via-api=5000</pre>
 * Writes target/benchmark/timers.md.
 */
@SpareflowIntegrationTest
@Import(StatementCounting.class)
class TimerBenchmark {

    private static final int OPEN = Integer.getInteger("benchmark.open", 5_000);
    private static final int DUE = Integer.getInteger("benchmark.due", 2_000);
    /** Open instances started through the API; the rest of the backlog is copied from them ({@link DueTimers#startOpen}). */
    private static final int OPEN_VIA_API = Integer.getInteger("benchmark.open-via-api", 5_000);
    private static final Duration GIVE_UP = Duration.ofMinutes(10);
    /** Timers of the round whose statements and CPU are counted per timer ({@link #perFiredTimer}). */
    private static final int COUNTED = Integer.getInteger("benchmark.counted", 1_000);
    private static final Pattern SELECT = Pattern.compile("^(select)\\b.*?\\bfrom ([a-z_]+)");
    private static final Pattern WRITE = Pattern.compile("^(insert into|update|delete from|delete) ([a-z_]+)");

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ThreadPoolTaskExecutor camundaTaskExecutor;

    @Test
    void timersDueAtTheSameMoment() throws Exception {
        // The statement counter's proxies only in the counted round: they are not part of a lateness.
        StatementCounter.counting(false);
        DueTimers timers = new DueTimers(engine, jdbc);
        timers.deploy();
        String loadBefore = MachineLoad.now();
        Duration creation = timers.startOpen(OPEN, OPEN_VIA_API);
        int viaApi = Math.min(OPEN, OPEN_VIA_API);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%,d open instances with a timer a year away: %,d started through the API in %.0f s (%.0f per second; load %s → %s),"
                        + " %,d copied from them in SQL; %,d timers due at the same instant per setting.%n%n",
                OPEN, viaApi, creation.toMillis() / 1000.0, viaApi * 1000.0 / creation.toMillis(), loadBefore, MachineLoad.now(),
                OPEN - viaApi, DUE));
        report.append(acquisitionPlans(timers));

        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        Settings configured = Settings.of(executor, camundaTaskExecutor);
        report.append("| job executor | threads (core/max) | queue | jobs per acquisition | wait / idle max | back-off |")
                .append(DueTimers.Round.columns()[0]).append("\n|---|---|---:|---:|---:|---:|").append(DueTimers.Round.columns()[1]).append('\n');
        // Before issue 15: 4/10 threads and Camunda's defaults for the acquisition (the queue stays as started).
        Settings before = new Settings(4, 10, configured.queue(), 3, 5_000, 60_000, 0);
        before.apply(executor, camundaTaskExecutor);
        DueTimers.Round asBefore = timers.round(DUE, GIVE_UP);
        report.append(before.cells("before (Camunda's acquisition defaults)")).append(asBefore.cells());
        configured.apply(executor, camundaTaskExecutor);
        DueTimers.Round now = timers.round(DUE, GIVE_UP);
        report.append(configured.cells("application.yml")).append(now.cells());

        report.append(perFiredTimer(timers));

        Path out = Path.of("target", "benchmark", "timers.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(now.lateSeconds()).hasSize(DUE);
        assertThat(now.firedTwice()).isZero();
    }

    /**
     * What one fired timer costs with application.yml's settings: a round of {@code COUNTED} timers fired with the
     * statement counter on, its statements per timer by thread and kind (the benchmark's own polling left out), and the
     * CPU of this JVM and of PostgreSQL per timer over the firing alone (the instances are started before).
     */
    private String perFiredTimer(DueTimers timers) throws Exception {
        timers.startDue(COUNTED);
        long postmaster = Long.parseLong(Files.readAllLines(Path.of(jdbc.queryForObject("show data_directory", String.class),
                "postmaster.pid")).get(0).trim());
        double jvmCpu = ProcessCpu.jvmMillis();
        double postgresCpu = ProcessCpu.postgresMillis(postmaster);
        StatementCounter.counting(true);
        DueTimers.Round[] round = new DueTimers.Round[1];
        List<StatementCounter.Executed> executed;
        try {
            executed = StatementCounter.recordEveryThread(() -> {
                try {
                    round[0] = timers.fire(COUNTED, GIVE_UP);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            StatementCounter.counting(false);
        }
        int fired = round[0].lateSeconds().size();
        double jvmPerTimer = (ProcessCpu.jvmMillis() - jvmCpu) / fired;
        double postgresPerTimer = (ProcessCpu.postgresMillis(postmaster) - postgresCpu) / fired;
        Map<String, Long> byKind = executed.stream().collect(Collectors.groupingBy(
                e -> e.thread().replaceAll("[-0-9]+$", "") + " | " + kind(e.sql()), TreeMap::new, Collectors.counting()));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """

                Per fired timer (application.yml's settings, %,d of %,d fired with the statement counter on; load %s → %s):
                %.1f statements, JVM CPU %.2f ms, PostgreSQL CPU %.2f ms (the firing alone, counter's proxies included).

                | thread | statement | per timer |
                |---|---|---:|
                """, fired, COUNTED, round[0].loadBefore(), round[0].loadAfter(), executed.size() / (double) fired,
                jvmPerTimer, postgresPerTimer));
        byKind.forEach((key, n) -> out.append(String.format(Locale.ROOT, "| %s | %.2f |%n", key, n / (double) fired)));
        return out.toString();
    }

    /** A statement's verb and table, e.g. {@code insert into act_hi_actinst}; a select by its first table. */
    private static String kind(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        Matcher verb = (flat.startsWith("select") ? SELECT : WRITE).matcher(flat);
        String kind = verb.find() ? verb.group(1) + " " + verb.group(2) : flat.substring(0, Math.min(40, flat.length()));
        return flat.contains(" for update") ? kind + " for update" : kind;
    }

    private String acquisitionPlans(DueTimers timers) {
        String with = timers.acquisitionPlan(30);
        jdbc.execute("drop index spareflow_act_ru_job_duedate_idx");
        String without;
        try {
            without = timers.acquisitionPlan(30);
        } finally {
            jdbc.execute("create index spareflow_act_ru_job_duedate_idx on act_ru_job (duedate_)");
        }
        return "Acquisition query (30 jobs), with the due-date index:\n\n```\n" + with + "\n```\n\nwithout it (same run):\n\n```\n"
                + without + "\n```\n\n";
    }

    /** The job executor's settings of one phase. */
    private record Settings(int corePool, int maxPool, int queue, int jobsPerAcquisition, int waitMillis, long maxWaitMillis,
            int backoffMillis) {

        static Settings of(JobExecutor executor, ThreadPoolTaskExecutor pool) {
            return new Settings(pool.getCorePoolSize(), pool.getMaxPoolSize(), pool.getQueueCapacity(), executor.getMaxJobsPerAcquisition(),
                    executor.getWaitTimeInMillis(), executor.getMaxWait(), executor.getBackoffTimeInMillis());
        }

        /**
         * The acquisition reads its settings when its thread starts, so the executor is restarted (Spring's pool keeps
         * running); the queue's capacity is fixed when the pool starts, only its threads change.
         */
        void apply(JobExecutor executor, ThreadPoolTaskExecutor pool) {
            executor.shutdown();
            pool.setMaxPoolSize(Math.max(maxPool, pool.getMaxPoolSize()));
            pool.setCorePoolSize(corePool);
            pool.setMaxPoolSize(maxPool);
            executor.setMaxJobsPerAcquisition(jobsPerAcquisition);
            executor.setWaitTimeInMillis(waitMillis);
            executor.setMaxWait(maxWaitMillis);
            executor.setBackoffTimeInMillis(backoffMillis);
            executor.start();
        }

        String cells(String name) {
            return String.format(Locale.ROOT, "| %s | %d/%d | %d | %d | %.0f s / %.0f s | %d ms |", name, corePool, maxPool, queue,
                    jobsPerAcquisition, waitMillis / 1000.0, maxWaitMillis / 1000.0, backoffMillis);
        }
    }
}
