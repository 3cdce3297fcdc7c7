package io.spareflow.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What quotes keep between calls is dropped as soon as a change to it commits, wherever it was made: the changes here
 * are written in SQL, as another node (or an operator) writes them, past every service of this node.
 */
@SpareflowIntegrationTest
class MasterDataTest {

    @Autowired
    Quotes quotes;
    @Autowired
    MasterData masterData;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    SpareReservationRepository reservations;

    StockFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new StockFixture(jdbc, boards, customers, reservations);
    }

    @Test
    void aDepotChangedInTheDatabaseIsRankedAnewByTheNextQuote() {
        String part = fixture.part(null);
        fixture.available(part, "CTU", 1);
        fixture.available(part, "CKG", 1);
        SiteInfo chengdu = fixture.chengdu();
        assertThat(quotes.quote(part, chengdu.id(), null, null, null).choice().depotCode()).isEqualTo("CTU");
        long before = etaFrom("CKG", part, chengdu);

        int handling = jdbc.queryForObject("select handling_minutes from location where code = 'CTU'", Integer.class);
        jdbc.update("update location set handling_minutes = handling_minutes + 6000 where code = 'CTU'");
        try {
            SpareQuote quote = quotes.quote(part, chengdu.id(), null, null, null);
            assertThat(quote.choice().depotCode()).as("CTU now takes days to hand a board over").isEqualTo("CKG");
            assertThat(quote.choice().etaMinutes()).isEqualTo(before);
        } finally {
            jdbc.update("update location set handling_minutes = ? where code = 'CTU'", handling);
        }
        assertThat(quotes.quote(part, chengdu.id(), null, null, null).choice().depotCode()).isEqualTo("CTU");
    }

    @Test
    void aRoadOverrideAndAContractChangedInTheDatabaseAreSeenByTheNextQuote() {
        String part = fixture.part(null);
        fixture.available(part, "CTU", 1);
        SiteInfo chengdu = fixture.chengdu();
        SpareQuote first = quotes.quote(part, chengdu.id(), null, null, null);
        String tier = first.tier();

        jdbc.update("""
                insert into sourcing_site_override (customer_code, site_name, road_detour_factor, road_speed_kmh, extra_minutes, reason)
                values (?, ?, null, null, 45, 'MasterDataTest: roadworks')""", chengdu.customerCode(), chengdu.name());
        try {
            SpareQuote roadworks = quotes.quote(part, chengdu.id(), null, null, null);
            assertThat(roadworks.choice().etaMinutes()).isEqualTo(first.choice().etaMinutes() + 45);
            assertThat(roadworks.destination().roads().reason()).isEqualTo("MasterDataTest: roadworks");
        } finally {
            jdbc.update("delete from sourcing_site_override where customer_code = ? and site_name = ?",
                    chengdu.customerCode(), chengdu.name());
        }
        assertThat(quotes.quote(part, chengdu.id(), null, null, null).choice().etaMinutes()).isEqualTo(first.choice().etaMinutes());

        String other = jdbc.queryForObject("select name from service_tier where name <> ? order by name limit 1", String.class, tier);
        int changed = jdbc.update("update service_contract set tier_name = ? where customer_code = ? and tier_name = ?", other,
                chengdu.customerCode(), tier);
        assertThat(changed).isPositive();
        try {
            assertThat(quotes.quote(part, chengdu.id(), null, null, null).tier()).isEqualTo(other);
        } finally {
            jdbc.update("update service_contract set tier_name = ? where customer_code = ? and tier_name = ?", tier,
                    chengdu.customerCode(), other);
        }
        assertThat(quotes.quote(part, chengdu.id(), null, null, null).tier()).isEqualTo(tier);
    }

    @Test
    void theVersionRisesOncePerCommittedTransactionAndNotForARolledBackOne() {
        long start = masterData.now().version();
        transactions.executeWithoutResult(tx -> {
            jdbc.update("update location set name = name where code in ('CTU', 'CKG')");
            jdbc.update("update part set description = description where part_number = (select min(part_number) from part)");
        });
        assertThat(masterData.now().version()).isEqualTo(start + 1);

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            jdbc.update("update location set name = name where code = 'CTU'");
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(masterData.now().version()).isEqualTo(start + 1);

        jdbc.update("update board set updated_at = updated_at where serial = (select min(serial) from board)");
        assertThat(masterData.now().version()).as("a board is stock, not master data").isEqualTo(start + 1);
    }

    @Test
    void keptValuesAreTheSameObjectsUntilAChange() {
        SiteInfo chengdu = fixture.chengdu();
        MasterData.Kept kept = masterData.now();
        assertThat(kept.site(chengdu.id())).isSameAs(kept.site(chengdu.id()));
        assertThat(masterData.now()).isSameAs(kept);
        fixture.part(null);
        assertThat(masterData.now()).as("a part added").isNotSameAs(kept);
    }

    private long etaFrom(String depot, String part, SiteInfo site) {
        return quotes.rankFor(part, site, quotes.contractTier(masterData.now(), site), Instant.now()).candidates().stream()
                .filter(c -> c.depotCode().equals(depot)).findFirst().orElseThrow().etaMinutes();
    }
}
