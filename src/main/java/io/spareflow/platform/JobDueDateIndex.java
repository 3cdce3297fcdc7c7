package io.spareflow.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job executor's acquisition reads {@code ACT_RU_JOB} by due date ({@code jobExecutorAcquireByDueDate}): with an
 * index on {@code DUEDATE_} it reads the jobs due now instead of every open case's timer (Camunda's schema has none).
 * Created right after the engine has created or checked its schema, because Camunda's tables do not exist yet when
 * Flyway migrates a fresh database (the engine is built after JPA, which waits for Flyway). Idempotent; the
 * advisory lock keeps two nodes starting at once from creating it twice. See docs/performance.md.
 */
@Component
class JobDueDateIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "spareflow_act_ru_job_duedate_idx";
    private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);
    private static final long LOCK_KEY = 0x5350_4A4F_4244_5545L; // any constant shared by every node

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    JobDueDateIndex(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK_KEY);
            if (jdbc.queryForObject("select to_regclass(?) is null", Boolean.class, NAME)) {
                jdbc.execute("create index " + NAME + " on act_ru_job (duedate_)");
                log.info("Created index {} on act_ru_job (duedate_)", NAME);
            }
        });
    }
}
