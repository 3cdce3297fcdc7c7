package io.spareflow.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spareflow.SpareflowIntegrationTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A board locked by {@link Boards#lock} and then moved in the same transaction is locked once, not twice (the scan
 * path); the move still works on the row as it stands — also when the persistence context was cleared in between and
 * the row changed in SQL meanwhile, where the entity remembered from the lock would be stale. A board claimed with
 * {@link Stock#claimAvailable} is moved from the row the claim locked.
 */
@SpareflowIntegrationTest
class LockedBoardsTest {

    private static final MoveContext CONTEXT = MoveContext.system(MoveReason.QUARANTINE, null, "locked boards test");

    @Autowired
    Boards boards;
    @Autowired
    Stock stock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @PersistenceContext
    EntityManager entityManager;

    private TransactionTemplate transaction;
    private String serial;
    private String depot;

    @BeforeEach
    void aReceivedBoard() {
        transaction = new TransactionTemplate(transactionManager);
        depot = jdbc.queryForObject("select min(code) from location where type = 'OFFICE_DEPOT'", String.class);
        String part = jdbc.queryForObject("select min(part_number) from part", String.class);
        serial = "LKB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        boards.register(new NewBoard(serial, part, "A", BoardStatus.RECEIVED, depot, null));
    }

    @Test
    void aBoardLockedForItsChecksIsMovedAsItWasRead() {
        BoardInfo moved = transaction.execute(status -> {
            BoardInfo locked = boards.lock(serial).orElseThrow();
            assertThat(locked.status()).isEqualTo(BoardStatus.RECEIVED);
            return boards.move(serial, BoardStatus.AVAILABLE, depot, null, CONTEXT);
        });

        assertThat(moved.status()).isEqualTo(BoardStatus.AVAILABLE);
        assertThat(lastHandOff()).isEqualTo("RECEIVED->AVAILABLE");
    }

    @Test
    void aClearedPersistenceContextMakesTheMoveReadTheRowAgain() {
        BoardInfo moved = transaction.execute(status -> {
            boards.lock(serial).orElseThrow();
            // A data fix in the same transaction, then the persistence context is cleared: the entity the lock read
            // is detached and stale. RECEIVED could not become SCRAPPED; QUARANTINE can.
            jdbc.update("update board set status = 'QUARANTINE' where serial = ?", serial);
            entityManager.clear();
            return boards.move(serial, BoardStatus.SCRAPPED, depot, null, CONTEXT);
        });

        assertThat(moved.status()).isEqualTo(BoardStatus.SCRAPPED);
        assertThat(lastHandOff()).isEqualTo("QUARANTINE->SCRAPPED");
        assertThat(jdbc.queryForObject("select status from board where serial = ?", String.class, serial)).isEqualTo("SCRAPPED");
    }

    @Test
    void aBoardMovedTwiceInOneTransactionIsReadAsTheFirstMoveLeftIt() {
        BoardInfo twice = transaction.execute(status -> {
            BoardInfo locked = boards.lock(serial).orElseThrow();
            BoardInfo first = boards.move(serial, BoardStatus.AVAILABLE, depot, null, CONTEXT);
            assertThat(first.version()).isEqualTo(locked.version() + 1);
            // The first move wrote the row in SQL: what this transaction reads next is that row, not the entity it locked.
            assertThat(boards.find(serial).orElseThrow()).extracting(BoardInfo::status, BoardInfo::version)
                    .containsExactly(BoardStatus.AVAILABLE, first.version());
            assertThat(boards.lock(serial).orElseThrow()).extracting(BoardInfo::status, BoardInfo::version)
                    .containsExactly(BoardStatus.AVAILABLE, first.version());
            return boards.move(serial, BoardStatus.QUARANTINE, depot, null, CONTEXT);
        });

        assertThat(twice.status()).isEqualTo(BoardStatus.QUARANTINE);
        assertThat(boards.find(serial).orElseThrow()).extracting(BoardInfo::status, BoardInfo::version)
                .containsExactly(BoardStatus.QUARANTINE, twice.version());
        assertThat(lastHandOff()).isEqualTo("AVAILABLE->QUARANTINE");
        assertThat(jdbc.queryForObject("select count(*) from board_custody c join board b on b.id = c.board_id where b.serial = ?",
                Integer.class, serial)).isEqualTo(3);
    }

    @Test
    void aBoardReadBeforeItsLockIsReadAgainAfterTheMove() {
        BoardInfo moved = transaction.execute(status -> {
            // The read leaves the board's entity in the persistence context; the lock and the move work in SQL beside it.
            BoardInfo read = boards.find(serial).orElseThrow();
            boards.lock(serial).orElseThrow();
            BoardInfo first = boards.move(serial, BoardStatus.AVAILABLE, depot, null, CONTEXT);
            assertThat(first.version()).isEqualTo(read.version() + 1);
            assertThat(boards.find(serial).orElseThrow()).extracting(BoardInfo::status, BoardInfo::version)
                    .containsExactly(BoardStatus.AVAILABLE, first.version());
            return first;
        });

        assertThat(moved.status()).isEqualTo(BoardStatus.AVAILABLE);
        assertThat(lastHandOff()).isEqualTo("RECEIVED->AVAILABLE");
    }

    @Test
    void aBoardClaimedIsMovedAsItWasClaimed() {
        transaction.executeWithoutResult(status -> {
            boards.move(serial, BoardStatus.AVAILABLE, depot, null, CONTEXT);
            BoardInfo claimed = stock.claimAvailable(List.of(boards.require(serial).partNumber()), depot).orElseThrow();
            BoardInfo reserved = boards.move(claimed.serial(), BoardStatus.RESERVED, depot, null,
                    MoveContext.system(MoveReason.RESERVE, null, "locked boards test"));

            assertThat(reserved.version()).isEqualTo(claimed.version() + 1);
            assertThat(jdbc.queryForObject("select status || '/' || version from board where serial = ?", String.class,
                    claimed.serial())).isEqualTo("RESERVED/" + reserved.version());
            status.setRollbackOnly(); // the demo depot's stock stays as it was
        });
    }

    @Test
    void aMoveTheStateMachineRefusesChangesNothing() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            boards.lock(serial).orElseThrow();
            boards.move(serial, BoardStatus.INSTALLED, null, null, CONTEXT);
        })).isInstanceOf(IllegalBoardMoveException.class);

        assertThat(boards.find(serial).orElseThrow().status()).isEqualTo(BoardStatus.RECEIVED);
        assertThat(lastHandOff()).isEqualTo("null->RECEIVED");
    }

    private String lastHandOff() {
        return jdbc.queryForObject("""
                select coalesce(c.from_status, 'null') || '->' || c.to_status from board_custody c join board b on b.id = c.board_id
                 where b.serial = ? order by c.id desc limit 1""", String.class, serial);
    }
}
