package io.spareflow.repair.internal;

import io.spareflow.common.Message;
import io.spareflow.repair.TestResult;
import io.spareflow.repair.RepairDiagnosis;
import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.MoveContext;
import io.spareflow.board.MoveReason;
import io.spareflow.common.NotFoundException;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.repair.RepairOutcome;
import io.spareflow.repair.RepairView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The steps of a repair order, as the board-repair process drives them. */
@Service
@Transactional
public class RepairWork {

    private final RepairOrderRepository orders;
    private final Parts parts;
    private final Boards boards;
    private final ReturnDepotChooser depots;
    private final Clock clock;

    RepairWork(RepairOrderRepository orders, Parts parts, Boards boards, ReturnDepotChooser depots, Clock clock) {
        this.orders = orders;
        this.parts = parts;
        this.boards = boards;
        this.depots = depots;
        this.clock = clock;
    }

    /** Intake at a repair center: the turnaround clock starts. Returns the part's product line (who may diagnose). */
    public PartInfo intake(String caseNumber, String serial, String repairCenter) {
        RepairOrderEntity order = require(caseNumber, serial);
        PartInfo part = parts.require(order.getPartNumber());
        Instant now = clock.instant();
        order.intake(repairCenter, now, now.plus(Duration.ofDays(part.repairTurnaroundDays())));
        return part;
    }

    public void diagnose(String caseNumber, String serial, String technician, RepairDiagnosis diagnosis, String finding) {
        require(caseNumber, serial).diagnose(technician, diagnosis, finding);
    }

    public void recordActions(String caseNumber, String serial, String actions) {
        require(caseNumber, serial).addActions(actions);
    }

    public void recordTest(String caseNumber, String serial, TestResult result) {
        require(caseNumber, serial).test(result);
    }

    /**
     * The board passed its test: repaired if work was done, otherwise no fault found. A second NFF of the same serial
     * marks it a suspected rogue unit.
     */
    public RepairView recordResult(String caseNumber, String serial, String technician) {
        RepairOrderEntity order = require(caseNumber, serial);
        RepairOutcome outcome = order.wasRepaired() ? RepairOutcome.REPAIRED : RepairOutcome.NFF;
        boolean rogue = outcome == RepairOutcome.NFF && orders.countBySerialAndOutcome(order.getSerial(), RepairOutcome.NFF) >= 1;
        order.complete(outcome, rogue, clock.instant());
        moveBoard(order, caseNumber, technician, outcome == RepairOutcome.REPAIRED ? BoardStatus.REPAIRED : BoardStatus.NFF);
        return order.toView();
    }

    public void scrap(String caseNumber, String serial, String technician) {
        RepairOrderEntity order = require(caseNumber, serial);
        order.complete(RepairOutcome.SCRAPPED, false, clock.instant());
        moveBoard(order, caseNumber, technician, BoardStatus.SCRAPPED);
    }

    /** Picks the depot with the largest deficit of the part and records it on the order. */
    public String chooseReturnDepot(String caseNumber, String serial) {
        RepairOrderEntity order = require(caseNumber, serial);
        String depot = depots.choose(order.getPartNumber(), order.getRepairCenter());
        order.returnTo(depot);
        return depot;
    }

    /** The repair center where the board already is IN_REPAIR: its intake was scanned before the repair waited for it. */
    public Optional<String> takenInAt(String serial) {
        BoardInfo board = boards.require(serial);
        return board.status() == BoardStatus.IN_REPAIR ? Optional.ofNullable(board.locationCode()) : Optional.empty();
    }

    /**
     * Whether the repaired board is already where it goes — AVAILABLE in stock, or INSTALLED at the customer's for
     * repair and return — because its put-away or delivery was scanned before the technician finished the test.
     */
    public boolean arrived(String serial, boolean toCustomer) {
        BoardStatus status = boards.require(serial).status();
        return status == (toCustomer ? BoardStatus.INSTALLED : BoardStatus.AVAILABLE);
    }

    public void returned(String caseNumber, String serial) {
        require(caseNumber, serial).returned(clock.instant());
    }

    /** The technician's result moves the board, unless a REPAIR_RESULT scan already did. */
    private void moveBoard(RepairOrderEntity order, String caseNumber, String technician, BoardStatus result) {
        if (boards.require(order.getSerial()).status() == BoardStatus.IN_REPAIR) {
            boards.move(order.getSerial(), result, order.getRepairCenter(), null,
                    new MoveContext(MoveReason.REPAIR_RESULT, technician, null, null, caseNumber, null, "repair order result " + result));
        }
    }

    private RepairOrderEntity require(String caseNumber, String serial) {
        return orders.findByCaseNumberAndSerial(caseNumber, serial)
                .orElseThrow(() -> new NotFoundException(Message.of("errors.repair.notFound.board", serial, caseNumber)));
    }
}
