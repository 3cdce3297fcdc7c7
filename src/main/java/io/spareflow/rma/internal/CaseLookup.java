package io.spareflow.rma.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.common.LockedRows;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Finding a case: by number, by a board on it, by the return it waits for; and locking it for a change. */
@Service
public class CaseLookup {

    @PersistenceContext
    private EntityManager entityManager;
    private final CaseRepository cases;
    private final Boards boards;
    private final LockedRows<String, CaseEntity> locked;

    CaseLookup(CaseRepository cases, Boards boards) {
        this.cases = cases;
        this.boards = boards;
        this.locked = new LockedRows<>(cases::lockByNumber, entity -> entityManager.contains(entity));
    }

    /** The case, if there is one; a case this transaction has locked is not read again. */
    @Transactional(readOnly = true)
    public Optional<CaseEntity> find(String caseNumber) {
        return locked.known(caseNumber).or(() -> cases.findByNumber(caseNumber));
    }

    /** The case; NotFoundException when there is none. */
    @Transactional(readOnly = true)
    public CaseEntity require(String caseNumber) {
        return find(caseNumber).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.case"), caseNumber));
    }

    /**
     * The case, locked until the change that needs it commits; NotFoundException when there is none. Locked once per
     * transaction: the steps of one request (a task's listeners, a scan's reactions) each lock their case.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseEntity lock(String caseNumber) {
        return locked.lock(caseNumber).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.case"), caseNumber));
    }

    @Transactional(readOnly = true)
    public Optional<CaseEntity> findOpenBySerial(String serial) {
        return cases.findOpenBySerial(serial);
    }

    /** The cancelled case whose spare {@code serial} is on its way back to its depot, if any. */
    @Transactional(readOnly = true)
    public Optional<CaseEntity> findReturningSpare(String serial) {
        return cases.findReturningSpare(serial);
    }

    @Transactional(readOnly = true)
    public boolean isOpen(String caseNumber) {
        return find(caseNumber).filter(c -> !c.state().isTerminal()).isPresent();
    }

    /**
     * Where a line's faulty board waits as a received defective board — or already taken in for repair — if it was
     * scanned in before the line waited for it (the scan found no process to signal then). The board was installed
     * when it was named, so this is its return.
     */
    @Transactional(readOnly = true)
    public Optional<String> defectiveReceivedAt(String caseNumber, int lineNo) {
        return boards.find(require(caseNumber).line(lineNo).serial())
                .filter(b -> b.status() == BoardStatus.DEFECTIVE_RECEIVED || b.status() == BoardStatus.IN_REPAIR)
                .map(BoardInfo::locationCode);
    }

    /**
     * The case of this customer with a line that waits for the defective return of a board of this part (the oldest,
     * if several): where a stray defective board of the same part from the same customer most likely belongs.
     */
    @Transactional(readOnly = true)
    public Optional<String> awaitingReturnOf(String customerCode, String partNumber) {
        return cases.findAwaitingReturnOf(customerCode, partNumber).stream().findFirst().map(CaseEntity::number);
    }
}
