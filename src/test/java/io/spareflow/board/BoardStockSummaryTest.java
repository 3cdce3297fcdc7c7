package io.spareflow.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stock summary quotes read (board_stock) stays equal to the boards through every kind of write: registrations
 * one by one and in bulk, random legal moves through {@link Boards#move} (with whatever the listeners do in
 * reaction), moves that roll back, SQL data fixes and deletions; and its audit finds a counter that is off.
 */
@SpareflowIntegrationTest
class BoardStockSummaryTest {

    private static final MoveContext CONTEXT = MoveContext.system(MoveReason.QUARANTINE, null, "stock summary test");

    @Autowired
    Boards boards;

    @Autowired
    Stock stock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void summaryEqualsTheBoardsAfterRandomMoves() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> locations = jdbc.queryForList("select code from location order by code limit 4", String.class);
        // Parts no backorder waits for: the boards made AVAILABLE here serve nobody else's case.
        List<String> parts = jdbc.queryForList("""
                select part_number from part p where not exists (select 1 from spare_reservation r
                 where r.status = 'BACKORDER' and r.requested_part = p.part_number) order by part_number limit 3""",
                String.class);
        Long site = jdbc.queryForObject("select min(id) from customer_site", Long.class);
        String prefix = "BSS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

        List<String> serials = new ArrayList<>();
        List<NewBoard> bulk = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            BoardStatus status = random.nextBoolean() ? BoardStatus.AVAILABLE : BoardStatus.RECEIVED;
            NewBoard board = new NewBoard(prefix + "N" + i, parts.get(random.nextInt(parts.size())), "A", status,
                    locations.get(random.nextInt(locations.size())), null);
            if (i % 2 == 0) {
                boards.register(board);
            } else {
                bulk.add(board);
            }
            serials.add(board.serial());
        }
        boards.registerAll(bulk);
        assertSummaryEqualsBoards(parts, seed);

        int moved = 0;
        for (int step = 0; step < 300; step++) {
            BoardInfo board = boards.require(serials.get(random.nextInt(serials.size())));
            List<BoardStatus> next = new ArrayList<>(board.status().next());
            if (next.isEmpty()) {
                continue;
            }
            BoardStatus target = next.get(random.nextInt(next.size()));
            String location = target.isAtLocation() ? locations.get(random.nextInt(locations.size())) : null;
            Long siteId = target == BoardStatus.INSTALLED ? site : null;
            try {
                if (random.nextInt(10) == 0) {
                    rolledBack(() -> boards.move(board.serial(), target, location, siteId, CONTEXT));
                } else {
                    boards.move(board.serial(), target, location, siteId, CONTEXT);
                    moved++;
                }
            } catch (RuntimeException refused) {
                // A listener refused the move (e.g. a guard): its transaction rolled back, which the summary must follow.
            }
            if (step % 50 == 0) {
                assertSummaryEqualsBoards(parts, seed);
            }
        }
        assertThat(moved).as("moves that went through (seed %d)", seed).isGreaterThan(100);
        assertSummaryEqualsBoards(parts, seed);

        // Data fixes in SQL (moving AVAILABLE boards, taking them out of stock) and deletions keep it too.
        jdbc.update("update board set location_code = ? where serial like ? and status = 'AVAILABLE'", locations.get(0),
                prefix + "%");
        assertSummaryEqualsBoards(parts, seed);
        jdbc.update("update board set status = 'QUARANTINE' where serial like ? and status = 'AVAILABLE'", prefix + "%");
        assertSummaryEqualsBoards(parts, seed);
        jdbc.update("delete from board b where serial like ?"
                + " and not exists (select 1 from board_custody c where c.board_id = b.id)", prefix + "%");
        assertSummaryEqualsBoards(parts, seed);
        assertThat(stock.drift()).as("audit after all writes (seed %d)", seed).isEmpty();
    }

    @Test
    void auditFindsACounterThatIsOff() {
        rolledBack(() -> {
            Map<String, Object> row = jdbc.queryForMap("select part_number, location_code, available from board_stock"
                    + " where available > 0 order by part_number, location_code limit 1");
            jdbc.update("update board_stock set available = available + 2 where part_number = ? and location_code = ?",
                    row.get("part_number"), row.get("location_code"));
            long available = ((Number) row.get("available")).longValue();
            assertThat(stock.drift()).containsExactly(new Stock.Drift((String) row.get("part_number"),
                    (String) row.get("location_code"), available + 2, available));
            return null;
        });
        assertThat(stock.drift()).isEmpty();
    }

    /** The summary read the way quotes read it, against the AVAILABLE boards counted one by one. */
    private void assertSummaryEqualsBoards(List<String> parts, long seed) {
        Map<String, Long> summary = stock.availableByLocation(parts).stream().collect(Collectors.toMap(
                level -> level.partNumber() + "@" + level.locationCode(), Stock.Level::available));
        Map<String, Long> counted = jdbc.queryForList("select part_number || '@' || location_code from board"
                        + " where part_number = any (?) and status = 'AVAILABLE' and location_code is not null", String.class,
                (Object) parts.toArray(String[]::new)).stream()
                .collect(Collectors.groupingBy(key -> key, Collectors.counting()));
        assertThat(summary).as("summary against the boards (seed %d)", seed).isEqualTo(counted);
    }

    private void rolledBack(Supplier<?> work) {
        new TransactionTemplate(transactionManager).execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}
