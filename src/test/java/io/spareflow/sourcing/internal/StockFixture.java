package io.spareflow.sourcing.internal;

import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.sourcing.ReservationOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Isolated stock for sourcing tests on the shared database: parts of their own (so demo boards of catalogue parts
 * never compete), boards with unique serials at chosen depots, unique case numbers, and the demo customer sites.
 */
class StockFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private final JdbcTemplate jdbc;
    private final Boards boards;
    private final Customers customers;
    private final SpareReservationRepository reservations;

    StockFixture(JdbcTemplate jdbc, Boards boards, Customers customers, SpareReservationRepository reservations) {
        this.jdbc = jdbc;
        this.boards = boards;
        this.customers = customers;
        this.reservations = reservations;
    }

    /** The open reservation or backorder of the case's first line, as sourcing's table holds it (no API needs to ask this). */
    Optional<ReservationOutcome> openReservation(String caseNumber) {
        return reservations.findOpenOfLine(caseNumber, 1).map(SpareReservationEntity::toOutcome);
    }

    /** A new part of the catalogue that no other test has boards of; {@code supersededBy} may be null. */
    String part(String supersededBy) {
        String number = "TS-" + run + "-" + SEQUENCE.incrementAndGet();
        jdbc.update("""
                insert into part (part_number, product_line, description, revision, superseded_by, repairable, repair_turnaround_days)
                values (?, 'CDMA', 'Sourcing test board', 'A', ?, true, 10)""", number, supersededBy);
        return number;
    }

    /** Registers {@code count} boards of {@code part} at {@code depot} in {@code status}; returns their serials. */
    List<String> boards(String part, String depot, int count, BoardStatus status) {
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String serial = "TS" + run + "X" + SEQUENCE.incrementAndGet();
            boards.register(new NewBoard(serial, part, null, status, depot, null));
            serials.add(serial);
        }
        return serials;
    }

    List<String> available(String part, String depot, int count) {
        return boards(part, depot, count, BoardStatus.AVAILABLE);
    }

    String caseNumber() {
        return "TC-" + run + "-" + SEQUENCE.incrementAndGet();
    }

    /**
     * Records case {@code caseNumber} (once) as the agent's open case waiting for a spare of {@code part} at the site,
     * so the reservation API accepts the agent's request for it. A row only: no process runs it, and {@link #closeCases}
     * closes it when the test is done, so no other test sees it open.
     */
    String awaiting(String caseNumber, String part, long siteId) {
        jdbc.update("""
                insert into rma_case (number, tracking_token, customer_code, site_id, symptom,
                                      channel, state, tier, responsible_location, reported_by, first_owner,
                                      first_owner_since, created_at)
                select ?, ?, s.customer_code, s.id, 'sourcing test', 'API', 'SPARE_DISPATCH', 'GOLD', 'SZX',
                       'agent', 'agent', now(), now()
                from customer_site s where s.id = ?
                on conflict (number) do nothing""", caseNumber, UUID.randomUUID().toString(), siteId);
        jdbc.update("""
                insert into case_line (case_id, line_no, serial, part_number, state, created_at)
                select c.id, 1, ?, ?, 'SPARE_DISPATCH', now() from rma_case c where c.number = ?
                on conflict (case_id, line_no) do nothing""", caseNumber, part, caseNumber);
        return caseNumber;
    }

    void closeCases() {
        jdbc.update("""
                update case_line set state = 'FINISHED', ended_at = now() where state not in ('FINISHED', 'CANCELLED')
                and case_id in (select id from rma_case where number like ?)""", "TC-" + run + "-%");
        jdbc.update("update rma_case set state = 'CLOSED', closed_at = now() where number like ? and state <> 'CLOSED'",
                "TC-" + run + "-%");
    }

    SiteInfo site(String customerCode, String siteName) {
        return customers.require(customerCode).sites().stream().filter(s -> s.name().equals(siteName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo site " + siteName + " of " + customerCode + " missing"));
    }

    SiteInfo chengdu() {
        return site("CMCC-SC", "Chengdu Tianfu core data center");
    }

    SiteInfo aba() {
        return site("CMCC-SC", "Ngawa (Aba) Barkam BSC site");
    }

    SiteInfo quito() {
        return site("CNT-EC", "Quito Inaquito central");
    }
}
