package io.spareflow.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spareflow.board.internal.BoardEntity;
import java.time.Instant;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BoardStatusTest {

    static Stream<Arguments> everyPair() {
        return EnumSet.allOf(BoardStatus.class).stream()
                .flatMap(from -> EnumSet.allOf(BoardStatus.class).stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void aBoardMovesExactlyWhereTheStateMachineAllows(BoardStatus from, BoardStatus to) {
        BoardEntity board = new BoardEntity("SZ2114000417", "130103811", "B", from, "CTU", null, Instant.EPOCH);
        if (from.canMoveTo(to)) {
            board.moveTo(to, "CTU", null, Instant.now());
            assertThat(board.getStatus()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> board.moveTo(to, "CTU", null, Instant.now()))
                    .isInstanceOf(IllegalBoardMoveException.class)
                    .hasMessageContaining(from.name()).hasMessageContaining(to.name());
            assertThat(board.getStatus()).isEqualTo(from);
        }
    }

    @Test
    void theSpareAndDefectiveFlowsAreConnected() {
        assertThat(path(BoardStatus.RECEIVED, BoardStatus.AVAILABLE, BoardStatus.RESERVED, BoardStatus.PICKED,
                BoardStatus.PACKED, BoardStatus.IN_TRANSIT, BoardStatus.INSTALLED, BoardStatus.DEFECTIVE_IN_TRANSIT,
                BoardStatus.DEFECTIVE_RECEIVED, BoardStatus.IN_REPAIR, BoardStatus.REPAIRED, BoardStatus.PACKED,
                BoardStatus.IN_TRANSIT, BoardStatus.RECEIVED, BoardStatus.AVAILABLE)).isTrue();
    }

    @Test
    void scrappedIsFinalAndNothingSkipsTheRepairBench() {
        assertThat(BoardStatus.SCRAPPED.next()).isEmpty();
        assertThat(BoardStatus.DEFECTIVE_RECEIVED.canMoveTo(BoardStatus.AVAILABLE)).isFalse();
        assertThat(BoardStatus.INSTALLED.canMoveTo(BoardStatus.AVAILABLE)).isFalse();
        assertThat(BoardStatus.AVAILABLE.canMoveTo(BoardStatus.PICKED)).as("a pick needs a reservation").isFalse();
    }

    @Test
    void refusalNamesWhatIsAllowedNow() {
        IllegalBoardMoveException e = new IllegalBoardMoveException("SZ2114000417", BoardStatus.AVAILABLE, BoardStatus.INSTALLED);
        assertThat(e.allowed()).containsExactlyInAnyOrder(BoardStatus.RESERVED, BoardStatus.QUARANTINE);
        assertThat(e.getMessage()).contains("RESERVED").contains("QUARANTINE");
    }

    private static boolean path(BoardStatus... steps) {
        for (int i = 1; i < steps.length; i++) {
            if (!steps[i - 1].canMoveTo(steps[i])) {
                return false;
            }
        }
        return true;
    }
}
