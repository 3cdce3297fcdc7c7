package io.spareflow.rma.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.RmaApiTestSupport;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case locked by {@link CaseLookup#lock} is locked once per transaction: the steps of one request that lock it
 * again, or read it, get the instance the lock read while the row stays locked; after the persistence context was
 * cleared the row is read and locked again (the remembered entity may be stale then).
 */
@SpareflowIntegrationTest
class CaseLookupLocksTest extends RmaApiTestSupport {

    /** PostgreSQL's "lock not available", what {@code FOR UPDATE NOWAIT} answers for a row another transaction holds. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseLookup lookup;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @PersistenceContext
    EntityManager entityManager;

    private TransactionTemplate transaction;
    private String number;

    @BeforeEach
    void aReportedCase() {
        transaction = new TransactionTemplate(transactionManager);
        SiteInfo site = fixture.chengdu();
        number = api.report("agent", site.customerCode(), site.id(), fixture.installedAt(fixture.part(), site));
    }

    @Test
    void aCaseLockedAgainInTheSameTransactionIsTheInstanceTheFirstLockRead() {
        transaction.executeWithoutResult(status -> {
            CaseEntity locked = lookup.lock(number);

            assertThat(lookup.lock(number)).isSameAs(locked);
            assertThat(lookup.require(number)).isSameAs(locked);
            assertThat(lockedByAnotherTransaction()).as("the row stays locked").isTrue();
        });
        assertThat(lockedByAnotherTransaction()).as("released at commit").isFalse();
    }

    @Test
    void afterTheContextWasClearedTheCaseIsReadAndLockedAgain() {
        transaction.executeWithoutResult(status -> {
            CaseEntity locked = lookup.lock(number);
            jdbc.update("update rma_case set symptom = ? where number = ?", "changed in SQL meanwhile", number);
            entityManager.clear();

            CaseEntity again = lookup.lock(number);

            assertThat(again).isNotSameAs(locked);
            assertThat(again.symptom()).isEqualTo("changed in SQL meanwhile");
            assertThat(lookup.require(number)).isSameAs(again);
        });
    }

    @Test
    void aReadInATransactionThatLockedNothingLocksNothing() {
        transaction.executeWithoutResult(status -> {
            assertThat(lookup.require(number).number()).isEqualTo(number);
            assertThat(lockedByAnotherTransaction()).isFalse();
        });
    }

    /** Whether a connection of its own (its own transaction) finds the case's row locked. */
    private boolean lockedByAnotherTransaction() {
        try (Connection other = dataSource.getConnection();
             PreparedStatement select = other.prepareStatement("select id from rma_case where number = ? for update nowait")) {
            select.setString(1, number);
            select.executeQuery().close();
            return false;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return true;
            }
            throw new IllegalStateException(e);
        }
    }
}
