package io.spareflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Timers due at the same moment on one node, beside a backlog of open cases whose timers are far off: {@code open}
 * instances waiting a year, then {@code due} instances whose timers all fall due at the same instant (their jobs' due
 * date set in one statement, as a day's SLA timers created long before would be). Measured twice in the same run —
 * with the job executor as configured (application.yml), then with a larger acquisition, more threads and a short
 * idle wait — each: how long after the due instant the timers fired (p50, p99, last), none fired twice, none failed.
 * <pre>mvn -B test -Pbenchmark -Dtest=TimerBenchmark -Dbenchmark.open=5000 -Dbenchmark.due=2000</pre>
 * Writes target/benchmark/timers.md.
 */
@SpareflowIntegrationTest
class TimerBenchmark {

    private static final int OPEN = Integer.getInteger("benchmark.open", 5_000);
    private static final int DUE = Integer.getInteger("benchmark.due", 2_000);
    private static final Duration GIVE_UP = Duration.ofMinutes(8);

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ThreadPoolTaskExecutor camundaTaskExecutor;

    @Test
    void timersDueAtTheSameMoment() throws Exception {
        engine.getRepositoryService().createDeployment()
                .addModelInstance("timer-open.bpmn", Bpmn.createExecutableProcess("timer-open").camundaHistoryTimeToLive(1)
                        .startEvent().intermediateCatchEvent("wait").timerWithDuration("P365D").endEvent("end").done())
                .addModelInstance("timer-due.bpmn", Bpmn.createExecutableProcess("timer-due").camundaHistoryTimeToLive(1)
                        .startEvent().intermediateCatchEvent("wait").timerWithDate("${due}").endEvent("end").done())
                .deploy();
        start("timer-open", OPEN);
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%,d open instances with a timer a year away; %,d timers due at the same instant, per setting.%n%n"
                        + "| job executor | threads (core/max) | jobs per acquisition | idle wait max | fired within | p50 late | p99 late | last late | fired twice | failed | load average |%n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|%n", OPEN, DUE));
        report.append(phase("as configured (application.yml)", executor));
        executor.setMaxJobsPerAcquisition(30);
        executor.setMaxWait(5_000);
        executor.setWaitTimeInMillis(1_000);
        camundaTaskExecutor.setMaxPoolSize(10);
        camundaTaskExecutor.setCorePoolSize(10);
        report.append(phase("tuned", executor));
        Path out = Path.of("target", "benchmark", "timers.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private String phase(String name, JobExecutor executor) throws Exception {
        jdbc.update("delete from act_hi_procinst where proc_def_key_ = 'timer-due'");
        List<String> ids = start("timer-due", DUE);
        String load = MachineLoad.now();
        // Due a moment from now, all at once, like a day's SLA timers created long before.
        Instant due = Instant.now().plusSeconds(3);
        jdbc.update("update act_ru_job set duedate_ = ? where process_def_key_ = 'timer-due'", Timestamp.from(due));
        Instant giveUp = Instant.now().plus(GIVE_UP);
        long ended = 0;
        while (ended < DUE && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
            ended = jdbc.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = 'timer-due' and end_time_ is not null",
                    Long.class);
        }
        List<Double> late = jdbc.queryForList("""
                select extract(epoch from end_time_ - ?) from act_hi_procinst
                 where proc_def_key_ = 'timer-due' and end_time_ is not null order by 1""", Double.class, Timestamp.from(due));
        long twice = jdbc.queryForObject("""
                select count(*) from (select proc_inst_id_ from act_hi_actinst where proc_def_key_ = 'timer-due' and act_id_ = 'end'
                 group by proc_inst_id_ having count(*) > 1) t""", Long.class);
        long failed = jdbc.queryForObject("""
                select count(*) from act_ru_job where process_def_key_ = 'timer-due' and exception_msg_ is not null""", Long.class);
        jdbc.update("delete from act_ru_job where process_def_key_ = 'timer-due'");
        assertThat(ids).hasSize(DUE);
        return String.format(Locale.ROOT, "| %s | %d/%d | %d | %.1f s | %,d of %,d | %.1f s | %.1f s | %.1f s | %d | %d | %s → %s |%n",
                name, camundaTaskExecutor.getCorePoolSize(), camundaTaskExecutor.getMaxPoolSize(), executor.getMaxJobsPerAcquisition(),
                executor.getMaxWait() / 1000.0, late.size(), DUE, at(late, 50), at(late, 99), late.isEmpty() ? Double.NaN : late.get(late.size() - 1),
                twice, failed, load, MachineLoad.now());
    }

    private List<String> start(String key, int count) {
        List<String> ids = new ArrayList<>(count);
        Date farOff = Date.from(Instant.now().plus(Duration.ofDays(1)));
        for (int i = 0; i < count; i++) {
            ids.add(engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("due", farOff)).getId());
        }
        return ids;
    }

    private static double at(List<Double> sorted, int percent) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

}
