package io.spareflow.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SharedTestDatabase;
import io.spareflow.board.BoardMoved;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.MoveReason;
import io.spareflow.board.NewBoard;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Scans with only the features they may use (board, customer, location, part, user) and the platform's clock: no
 * guard of another feature, no listener of sourcing, rma or repair. A scan hands the board on through
 * {@code Boards.move}, which announces {@link BoardMoved} with the scan's reason, user and record.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"platform", "user"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = SharedTestDatabase.class)
class ScanModuleTest {

    @Autowired
    Scans scans;
    @Autowired
    Boards boards;
    @Autowired
    Users users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPutAwayScanMovesTheBoardAndSaysWhy(Scenario scenario) {
        jdbc.update("""
                insert into location (code, name, type, city, country, latitude, longitude, time_zone, business_hours)
                values ('MTSCAN', 'Module test depot', 'OFFICE_DEPOT', 'Chengdu', 'CN', 30.67, 104.06, 'Asia/Shanghai',
                        'MON-SUN 00:00-24:00')""");
        jdbc.update("insert into part (part_number, product_line, description, revision, repairable, repair_turnaround_days)"
                + " values ('MT-SCAN-1', 'CDMA', 'Module test board', 'A', true, 10)");
        jdbc.update("insert into app_user (username, password_hash, display_name, email, role, location_code)"
                + " values ('mt-depot', '{noop}unused', 'Module test depot clerk', 'mt-depot@example.com', 'DEPOT', 'MTSCAN')");
        boards.register(new NewBoard("MTSCAN0001", "MT-SCAN-1", null, BoardStatus.RECEIVED, "MTSCAN", null));
        StaffUser clerk = users.require("mt-depot");
        ScanRequest putAway = new ScanRequest("MTSCAN0001", ScanAction.PUTAWAY, "MTSCAN", "mt-scan-1", "mt-scanner",
                null, null, null, null, null, null);

        scenario.stimulate(() -> scans.scan(putAway, clerk))
                .andWaitForEventOfType(BoardMoved.class)
                .matching(moved -> moved.serial().equals("MTSCAN0001"))
                .toArriveAndVerify((moved, reply) -> {
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(moved.from()).isEqualTo(BoardStatus.RECEIVED);
                    assertThat(moved.to()).isEqualTo(BoardStatus.AVAILABLE);
                    assertThat(moved.context().action()).isEqualTo(MoveReason.PUTAWAY);
                    assertThat(moved.context().username()).isEqualTo("mt-depot");
                    assertThat(moved.context().scanId()).isNotNull();
                    assertThat(boards.require("MTSCAN0001").status()).isEqualTo(BoardStatus.AVAILABLE);
                });
    }
}
