package io.spareflow.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.board.BoardStatus;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Actions name their target; what is allowed from where stays BoardStatus's decision. */
class ScanActionTest {

    @Test
    void everyScanActionIsAReasonOfTheBoardMoveItMakes() {
        for (ScanAction action : ScanAction.values()) {
            assertThat(action.reason().name()).isEqualTo(action.name());
        }
    }

    @Test
    void shipSendsADefectiveBoardOnAsDefective() {
        assertThat(ScanAction.SHIP.target(BoardStatus.PACKED, null)).isEqualTo(BoardStatus.IN_TRANSIT);
        assertThat(ScanAction.SHIP.target(BoardStatus.DEFECTIVE_RECEIVED, null)).isEqualTo(BoardStatus.DEFECTIVE_IN_TRANSIT);
    }

    @Test
    void repairResultTakesItsTargetFromTheOutcome() {
        assertThat(ScanAction.REPAIR_RESULT.target(BoardStatus.IN_REPAIR, RepairOutcome.NFF)).isEqualTo(BoardStatus.NFF);
        assertThat(ScanAction.REPAIR_RESULT.target(BoardStatus.IN_REPAIR, null)).isNull();
    }

    @Test
    void allowedActionsFollowTheStateMachine() {
        assertThat(ScanAction.allowedFrom(BoardStatus.IN_REPAIR)).containsExactlyInAnyOrder(ScanAction.REPAIR_RESULT,
                ScanAction.SCRAP);
        assertThat(ScanAction.allowedFrom(BoardStatus.IN_TRANSIT)).containsExactlyInAnyOrder(ScanAction.RECEIVE,
                ScanAction.DELIVER, ScanAction.QUARANTINE);
        assertThat(ScanAction.allowedFrom(BoardStatus.SCRAPPED)).isEmpty();
    }

    @Test
    void everyAllowedActionLeadsToAStatusTheBoardMayTake() {
        for (BoardStatus from : BoardStatus.values()) {
            for (ScanAction action : ScanAction.allowedFrom(from)) {
                boolean reachable = EnumSet.allOf(RepairOutcome.class).stream()
                        .anyMatch(outcome -> from.canMoveTo(action.target(from, outcome)));
                assertThat(reachable).as(action + " from " + from).isTrue();
            }
        }
    }
}
