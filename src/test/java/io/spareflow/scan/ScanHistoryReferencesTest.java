package io.spareflow.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spareflow.SpareflowIntegrationTest;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The users and locations the scan and custody history name stay there: a recorded scan's user and a hand-off's
 * location cannot be deleted or renamed (V235 checks this on their side, since scan_event.username and
 * board_custody.location_code are no longer foreign keys); once nothing names them, they can. Every case runs in a
 * transaction that is rolled back.
 */
@SpareflowIntegrationTest
class ScanHistoryReferencesTest {

    private static final String USER = "history-ref-clerk";
    private static final String LOCATION = "HREF";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aUserWhoseScansAreRecordedIsNeitherDeletedNorRenamed() {
        assertRefused(() -> {
            aUserWithAScan();
            jdbc.update("delete from app_user where username = ?", USER);
        });
        assertRefused(() -> {
            aUserWithAScan();
            jdbc.update("update app_user set username = ? where username = ?", USER + "-2", USER);
        });
        assertThat(rolledBack(() -> {
            aUserWithAScan();
            jdbc.update("update app_user set display_name = 'renamed clerk' where username = ?", USER);
            jdbc.update("delete from scan_event where username = ?", USER);
            return jdbc.update("delete from app_user where username = ?", USER);
        })).isEqualTo(1);
    }

    @Test
    void aLocationNamedByAHandOffIsNeitherDeletedNorRenamed() {
        assertRefused(() -> {
            aLocationWithAHandOff();
            jdbc.update("delete from location where code = ?", LOCATION);
        });
        assertRefused(() -> {
            aLocationWithAHandOff();
            jdbc.update("update location set code = ? where code = ?", LOCATION + "2", LOCATION);
        });
        assertThat(rolledBack(() -> {
            aLocationWithAHandOff();
            jdbc.update("update location set name = 'renamed depot' where code = ?", LOCATION);
            jdbc.update("delete from board_custody where location_code = ?", LOCATION);
            return jdbc.update("delete from location where code = ?", LOCATION);
        })).isEqualTo(1);
    }

    private void aUserWithAScan() {
        String depot = jdbc.queryForObject("select min(code) from location where type = 'OFFICE_DEPOT'", String.class);
        jdbc.update("insert into app_user (username, password_hash, display_name, email, role, location_code)"
                + " values (?, '{noop}unused', 'History reference clerk', 'history-ref@example.com', 'DEPOT', ?)", USER, depot);
        jdbc.update("""
                insert into scan_event (id, client_scan_id, fingerprint, username, action, location_code, raw_code, result,
                                        response_status, response_body, scanned_at)
                values (-1, 'history-ref-1', 'f', ?, 'RECEIVE', ?, 'X', 'REFUSED', 400, '{}', now())""", USER, depot);
    }

    private void aLocationWithAHandOff() {
        jdbc.update("""
                insert into location (code, name, type, city, country, latitude, longitude, time_zone, business_hours)
                values (?, 'History reference depot', 'OFFICE_DEPOT', 'Chengdu', 'CN', 30.6, 104.1, 'Asia/Shanghai', '09:00-18:00')""",
                LOCATION);
        jdbc.update("""
                insert into board_custody (board_id, to_status, action, location_code, username, moved_at)
                select min(id), 'RECEIVED', 'RECEIVE', ?, 'admin', now() from board""", LOCATION);
    }

    private void assertRefused(Runnable change) {
        assertThatThrownBy(() -> rolledBack(() -> {
            change.run();
            return 0;
        })).isInstanceOf(DataIntegrityViolationException.class);
    }

    private Integer rolledBack(Supplier<Integer> change) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            status.setRollbackOnly();
            return change.get();
        });
    }
}
