package io.spareflow.rma;

import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Isolated data for lifecycle tests on the shared database: a part of their own (so no demo board competes), boards
 * with unique serials installed at a demo site or in stock at a depot. A bean of the shared test context
 * ({@link io.spareflow.SpareflowIntegrationTest}).
 */
@TestComponent
public class RmaFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private final JdbcTemplate jdbc;
    private final Boards boards;
    private final Customers customers;

    public RmaFixture(JdbcTemplate jdbc, Boards boards, Customers customers) {
        this.jdbc = jdbc;
        this.boards = boards;
        this.customers = customers;
    }

    /** A new OPTICAL part: only technicians certified for OPTICAL may diagnose its boards. */
    public String part() {
        String number = "RT-" + run + "-" + SEQUENCE.incrementAndGet();
        jdbc.update("""
                insert into part (part_number, product_line, description, revision, superseded_by, repairable, repair_turnaround_days)
                values (?, 'OPTICAL', 'Lifecycle test board', 'A', null, true, 7)""", number);
        return number;
    }

    public String installedAt(String part, SiteInfo site) {
        String serial = serial();
        boards.register(new NewBoard(serial, part, null, BoardStatus.INSTALLED, null, site.id()));
        return serial;
    }

    /** A board just received at a depot, not yet put away. */
    public String received(String part, String depot) {
        String serial = serial();
        boards.register(new NewBoard(serial, part, null, BoardStatus.RECEIVED, depot, null));
        return serial;
    }

    public String inStock(String part, String depot) {
        String serial = serial();
        boards.register(new NewBoard(serial, part, null, BoardStatus.AVAILABLE, depot, null));
        return serial;
    }

    /** The reservation's hold ends a minute ago (if it still holds a board): the expiry job will release it. */
    public void moveHoldIntoPast(long reservationId) {
        jdbc.update("update spare_reservation set expires_at = now() - interval '1 minute' where id = ? and status = 'RESERVED'",
                reservationId);
    }

    public SiteInfo site(String customerCode, String siteName) {
        return customers.require(customerCode).sites().stream().filter(s -> s.name().equals(siteName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo site " + siteName + " of " + customerCode + " missing"));
    }

    /** PLATINUM: advance exchange, 24x7. */
    public SiteInfo chengdu() {
        return site("CMCC-SC", "Chengdu Tianfu core data center");
    }

    /** BRONZE: repair and return. */
    public SiteInfo addisAbaba() {
        return site("ETC-ET", "Addis Ababa Churchill Road data center");
    }

    String serial() {
        return "RT" + run + "X" + SEQUENCE.incrementAndGet();
    }
}
