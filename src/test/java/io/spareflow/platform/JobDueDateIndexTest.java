package io.spareflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The job executor's acquisition finds due jobs through an index on ACT_RU_JOB.DUEDATE_, on a fresh database and an older one. */
@SpareflowIntegrationTest
class JobDueDateIndexTest {

    @Autowired
    JobDueDateIndex index;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aFreshDatabaseHasTheIndexOnTheDueDate() {
        assertThat(indexDefinitions()).singleElement().asString().contains("act_ru_job").contains("(duedate_)");
        assertThat(jdbc.queryForObject("select indisvalid from pg_index where indexrelid = to_regclass(?)", Boolean.class,
                JobDueDateIndex.NAME)).isTrue();
    }

    @Test
    void theAcquisitionsConditionIsAnsweredFromTheIndex() {
        List<String> plan = transaction.execute(status -> {
            // the test database's few jobs would be read whole; the question is whether the index can answer it
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("""
                    explain select id_ from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())
                     and (lock_owner_ is null or lock_exp_time_ < now()) and suspension_state_ = 1""", String.class);
        });
        assertThat(String.join("\n", plan)).contains(JobDueDateIndex.NAME);
    }

    @Test
    void aDatabaseFromBeforeTheIndexGetsItAtStartAndAgainNothingChanges() {
        jdbc.execute("drop index " + JobDueDateIndex.NAME);
        index.postProcessEngineBuild(engine);
        assertThat(indexDefinitions()).hasSize(1);
        index.postProcessEngineBuild(engine);
        assertThat(indexDefinitions()).hasSize(1);
    }

    private List<String> indexDefinitions() {
        return jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_job' and indexname = ?", String.class,
                JobDueDateIndex.NAME);
    }
}
