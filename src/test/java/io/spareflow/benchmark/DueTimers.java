package io.spareflow.benchmark;

import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Timers due at the same moment beside a backlog of open cases, on whatever job executors watch the database (one
 * node in {@link TimerBenchmark}, two in {@code scripts/cluster.sh timers}): {@code open} instances of a bare process
 * waiting on a timer a year away, then per round {@code due} instances whose timer jobs are all given the same due
 * instant in one statement (as a day's SLA timers created long before would fall due); read from the history: how
 * long after that instant each instance ended, none ended twice, none failed.
 */
public final class DueTimers {

    private static final String OPEN = "timer-open";
    private static final String DUE = "timer-due";
    private static final int STARTING_THREADS = 4;

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;

    public DueTimers(ProcessEngine engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /** One round's outcome; {@code lockOwners} is how many job executors were seen holding the round's jobs. */
    public record Round(int due, List<Double> lateSeconds, long firedTwice, long failed, int lockOwners, String loadBefore,
            String loadAfter) {

        /** The round's cells of a Markdown table row, after the cells that name the setting. */
        public String cells() {
            return String.format(Locale.ROOT, " %,d of %,d | %.1f s | %.1f s | %.1f s | %d | %d | %d | %s → %s |%n",
                    lateSeconds.size(), due, at(50), at(99), lateSeconds.isEmpty() ? Double.NaN : lateSeconds.get(lateSeconds.size() - 1),
                    firedTwice, failed, lockOwners, loadBefore, loadAfter);
        }

        /** The header cells and alignments that go with {@link #cells()}. */
        public static String[] columns() {
            return new String[] {" fired | p50 late | p99 late | last late | fired twice | failed | lock owners seen | load average |",
                    "---:|---:|---:|---:|---:|---:|---:|---|"};
        }

        public boolean allOnceWithin(Duration limit) {
            return lateSeconds.size() == due && firedTwice == 0 && failed == 0
                    && lateSeconds.get(lateSeconds.size() - 1) <= limit.toMillis() / 1000.0;
        }

        private double at(int percent) {
            return lateSeconds.isEmpty() ? Double.NaN : lateSeconds.get(Math.min(lateSeconds.size() - 1, lateSeconds.size() * percent / 100));
        }
    }

    public void deploy() {
        engine.getRepositoryService().createDeployment().name("timer-benchmark")
                .addModelInstance("timer-open.bpmn", Bpmn.createExecutableProcess(OPEN).camundaHistoryTimeToLive(1)
                        .startEvent().intermediateCatchEvent("wait").timerWithDuration("P365D").endEvent("end").done())
                .addModelInstance("timer-due.bpmn", Bpmn.createExecutableProcess(DUE).camundaHistoryTimeToLive(1)
                        .startEvent().intermediateCatchEvent("wait").timerWithDate("${due}").endEvent("end").done())
                .enableDuplicateFiltering(true)
                .deploy();
    }

    /**
     * The backlog: {@code viaApi} open instances started through the engine's API, a few threads at a time (returns
     * how long that took), then copies of their runtime rows (execution and timer job, new ids) up to {@code count}:
     * through the API this machine starts about a hundred a second, so 100k would take longer than the rest of the
     * benchmark; the acquisition reads only {@code ACT_RU_JOB}, where the copies are the same as the originals.
     */
    public Duration startOpen(int count, int viaApi) throws Exception {
        Duration took = start(OPEN, Math.min(count, viaApi));
        int copies = count - Math.min(count, viaApi);
        if (copies > 0) {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("""
                            create temp table clone_of as
                            select e.proc_inst_id_ as instance, g.n from act_ru_execution e
                              cross join generate_series(1, %d) g(n)
                             where e.id_ = e.proc_inst_id_ and e.proc_def_id_ in (select id_ from act_re_procdef where key_ = '%s')
                             limit %d""".formatted(copies / viaApi + 1, OPEN, copies));
                    copy(sql, "act_ru_execution", "proc_inst_id_", "id_ = id_ || '-' || n, proc_inst_id_ = proc_inst_id_ || '-' || n,"
                            + " root_proc_inst_id_ = root_proc_inst_id_ || '-' || n, parent_id_ = parent_id_ || '-' || n");
                    copy(sql, "act_ru_job", "process_instance_id_", "id_ = id_ || '-' || n, execution_id_ = execution_id_ || '-' || n,"
                            + " process_instance_id_ = process_instance_id_ || '-' || n, root_proc_inst_id_ = root_proc_inst_id_ || '-' || n");
                    sql.execute("drop table clone_of");
                    sql.execute("analyze act_ru_job");
                    sql.execute("analyze act_ru_execution");
                }
                return null;
            });
        }
        return took;
    }

    private static void copy(Statement sql, String table, String instanceColumn, String newIds) throws SQLException {
        sql.execute("create temp table clone_rows as select t.*, c.n from " + table + " t join clone_of c on t." + instanceColumn + " = c.instance");
        sql.execute("update clone_rows set " + newIds);
        sql.execute("alter table clone_rows drop column n");
        sql.execute("insert into " + table + " select * from clone_rows");
        sql.execute("drop table clone_rows");
    }

    /** A round: {@code count} timers created a day ahead, then all set due 3 s from now; waits until all ended or {@code giveUp}. */
    public Round round(int count, Duration giveUp) throws Exception {
        startDue(count);
        return fire(count, giveUp);
    }

    /** The first half of a {@link #round}: {@code count} timers created a day ahead (the last round's history gone). */
    public void startDue(int count) throws Exception {
        jdbc.update("delete from act_hi_actinst where proc_def_key_ = ?", DUE);
        jdbc.update("delete from act_hi_procinst where proc_def_key_ = ?", DUE);
        start(DUE, count);
    }

    /** The second half of a {@link #round}: the {@code count} timers {@link #startDue} created set due, and fired. */
    public Round fire(int count, Duration giveUp) throws Exception {
        String loadBefore = MachineLoad.now();
        Instant due = Instant.now().plusSeconds(3);
        jdbc.update("update act_ru_job set duedate_ = ? where process_def_key_ = ?", Timestamp.from(due), DUE);
        Instant end = Instant.now().plus(giveUp);
        long ended = 0;
        int lockOwners = 0;
        while (ended < count && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            lockOwners = Math.max(lockOwners, jdbc.queryForObject(
                    "select count(distinct lock_owner_) from act_ru_job where process_def_key_ = ?", Integer.class, DUE));
            ended = jdbc.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = ? and end_time_ is not null",
                    Long.class, DUE);
        }
        List<Double> late = jdbc.queryForList("""
                select extract(epoch from end_time_ - ?) from act_hi_procinst
                 where proc_def_key_ = ? and end_time_ is not null order by 1""", Double.class, Timestamp.from(due), DUE);
        long twice = jdbc.queryForObject("""
                select count(*) from (select proc_inst_id_ from act_hi_actinst where proc_def_key_ = ? and act_id_ = 'end'
                 group by proc_inst_id_ having count(*) > 1) t""", Long.class, DUE);
        long failed = jdbc.queryForObject("select count(*) from act_ru_job where process_def_key_ = ? and exception_msg_ is not null",
                Long.class, DUE);
        String loadAfter = MachineLoad.now();
        // Leftovers (a round that gave up) must not run into the next round.
        jdbc.update("delete from act_ru_job where process_def_key_ = ?", DUE);
        return new Round(count, late, twice, failed, lockOwners, loadBefore, loadAfter);
    }

    /**
     * The plan of the job executor's acquisition query as Camunda 7.24 issues it on PostgreSQL (Job.xml,
     * {@code selectNextJobsToExecute}, with {@code jobExecutorPreferTimerJobs} and {@code jobExecutorAcquireByDueDate}).
     */
    public String acquisitionPlan(int maxJobs) {
        return String.join("\n", jdbc.queryForList("""
                explain (analyze, buffers, costs off, timing off)
                select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
                  from ACT_RU_JOB RES
                 where (RES.RETRIES_ > 0)
                   and (RES.DUEDATE_ is null or RES.DUEDATE_ <= now())
                   and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now())
                   and RES.SUSPENSION_STATE_ = 1
                   and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2
                          where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
                            and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= now())))
                        or RES.EXCLUSIVE_ = false)
                 order by RES.TYPE_ desc, RES.DUEDATE_ asc
                 limit ? offset 0""", String.class, maxJobs));
    }

    private Duration start(String key, int count) throws Exception {
        Map<String, Object> variables = key.equals(DUE) ? Map.of("due", Date.from(Instant.now().plus(Duration.ofDays(1)))) : Map.of();
        AtomicInteger left = new AtomicInteger(count);
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(STARTING_THREADS);
        try {
            List<Future<Object>> done = threads.invokeAll(java.util.Collections.nCopies(STARTING_THREADS, () -> {
                while (left.getAndDecrement() > 0) {
                    engine.getRuntimeService().startProcessInstanceByKey(key, variables);
                }
                return null;
            }));
            for (Future<Object> thread : done) {
                thread.get();
            }
        } finally {
            threads.shutdown();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
