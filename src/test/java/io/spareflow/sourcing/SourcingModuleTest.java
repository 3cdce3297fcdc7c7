package io.spareflow.sourcing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SharedTestDatabase;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.MoveContext;
import io.spareflow.board.MoveReason;
import io.spareflow.board.NewBoard;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Sourcing with only the features it may use (board, customer, location, part, scan, tier, user) and the platform's
 * clock: no case lifecycle, no demo data. A backordered case gets its spare when a compatible board becomes
 * AVAILABLE, announced by {@link SpareReserved} after the move commits.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"platform", "user"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = SharedTestDatabase.class)
class SourcingModuleTest {

    /** The case feature implements this port; without it no person's reservation refers to a case here. */
    @TestConfiguration
    static class NoCaseFeature {
        @Bean
        SpareDemands noSpareDemands() {
            return caseNumber -> Optional.empty();
        }
    }

    @Autowired
    SpareSourcing sourcing;
    @Autowired
    Boards boards;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBoardBecomingAvailableServesTheWaitingBackorder(Scenario scenario) {
        jdbc.update("""
                insert into location (code, name, type, city, country, latitude, longitude, time_zone, business_hours)
                values ('MTCTU', 'Module test depot', 'OFFICE_DEPOT', 'Chengdu', 'CN', 30.67, 104.06, 'Asia/Shanghai',
                        'MON-SUN 00:00-24:00')""");
        jdbc.update("insert into part (part_number, product_line, description, revision, repairable, repair_turnaround_days)"
                + " values ('MT-SOURCING-1', 'CDMA', 'Module test board', 'A', true, 10)");
        jdbc.update("insert into customer (code, name, country) values ('MT-CUST', 'Module test operator', 'CN')");
        long siteId = jdbc.queryForObject("""
                insert into customer_site (customer_code, name, city, country, latitude, longitude, time_zone)
                values ('MT-CUST', 'Module test site', 'Chengdu', 'CN', 30.55, 104.06, 'Asia/Shanghai') returning id""",
                Long.class);
        jdbc.update("insert into service_contract (contract_number, customer_code, tier_name, valid_from, valid_to)"
                + " values ('MT-CONTRACT', 'MT-CUST', 'PLATINUM', current_date - 1, current_date + 365)");
        assertThat(sourcing.reserve("MT-SOURCING-1", siteId, "MT-CASE-1", 1).backorder()).isTrue();
        boards.register(new NewBoard("MTSOURCING0001", "MT-SOURCING-1", null, BoardStatus.RECEIVED, "MTCTU", null));

        scenario.stimulate(() -> boards.move("MTSOURCING0001", BoardStatus.AVAILABLE, "MTCTU", null,
                        MoveContext.system(MoveReason.PUTAWAY, null, "put away after receiving")))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForEventOfType(SpareReserved.class)
                .matching(reserved -> reserved.reservation().caseNumber().equals("MT-CASE-1"))
                .toArriveAndVerify(reserved -> {
                    assertThat(reserved.reservation().serial()).isEqualTo("MTSOURCING0001");
                    assertThat(reserved.reservation().depotCode()).isEqualTo("MTCTU");
                    assertThat(sourcing.picksAt("MTCTU")).extracting(ReservationOutcome::caseNumber)
                            .containsExactly("MT-CASE-1");
                });
    }
}
