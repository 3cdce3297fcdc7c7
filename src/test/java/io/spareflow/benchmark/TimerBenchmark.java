package io.spareflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Timers due at the same moment on one node beside a backlog of open cases ({@link DueTimers}), twice in the same
 * run: with the job executor as it was configured before issue 15 (Camunda's acquisition defaults, 4/10 threads),
 * then as application.yml configures it now; and the acquisition query's plan over the backlog with and without the
 * due-date index. The target: all of 10k due at once fired within 60 s, none twice.
 * <pre>mvn -B test -Pbenchmark -Dtest=TimerBenchmark -Dbenchmark.open=100000 -Dbenchmark.due=10000 -Dbenchmark.open-via-api=5000</pre>
 * Writes target/benchmark/timers.md.
 */
@SpareflowIntegrationTest
class TimerBenchmark {

    private static final int OPEN = Integer.getInteger("benchmark.open", 5_000);
    private static final int DUE = Integer.getInteger("benchmark.due", 2_000);
    /** Open instances started through the API; the rest of the backlog is copied from them ({@link DueTimers#startOpen}). */
    private static final int OPEN_VIA_API = Integer.getInteger("benchmark.open-via-api", 5_000);
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ThreadPoolTaskExecutor camundaTaskExecutor;

    @Test
    void timersDueAtTheSameMoment() throws Exception {
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

        Path out = Path.of("target", "benchmark", "timers.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(now.lateSeconds()).hasSize(DUE);
        assertThat(now.firedTwice()).isZero();
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
