package io.spareflow.rma.internal;

import io.spareflow.rma.CaseState;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CaseRepository extends JpaRepository<CaseEntity, Long> {

    Optional<CaseEntity> findByNumber(String number);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CaseEntity c where c.number = :number")
    Optional<CaseEntity> lockByNumber(String number);

    Optional<CaseEntity> findByTrackingToken(String trackingToken);

    /** The case with an open line for this board (at most one: the one-open-case-per-board rule holds per line). */
    @Query("select c from CaseEntity c join c.lines l where l.serial = :serial "
            + "and l.state not in (io.spareflow.rma.LineState.FINISHED, io.spareflow.rma.LineState.CANCELLED)")
    Optional<CaseEntity> findOpenBySerial(String serial);

    @Query("select c from CaseEntity c where (:state is null or c.state = :state) and (:owner is null or c.firstOwner = :owner) "
            + "and (:customer is null or c.customerCode = :customer) order by c.createdAt desc, c.id desc")
    List<CaseEntity> search(CaseState state, String owner, String customer, Pageable page);

    @Query("select c from CaseEntity c where c.state not in (io.spareflow.rma.CaseState.CLOSED, io.spareflow.rma.CaseState.CANCELLED) "
            + "and (:owner is null or c.firstOwner = :owner) order by c.createdAt desc, c.id desc")
    List<CaseEntity> findOpen(String owner, Pageable page);

    @Query("select c.number from CaseEntity c where c.state not in (io.spareflow.rma.CaseState.CLOSED, io.spareflow.rma.CaseState.CANCELLED) order by c.id")
    List<String> findOpenNumbers();

    /** The customer's cases with a line awaiting the return of a board of {@code partNumber}, oldest first. */
    @Query("select distinct c from CaseEntity c join c.lines l where c.customerCode = :customerCode "
            + "and l.partNumber = :partNumber and l.state = io.spareflow.rma.LineState.AWAITING_RETURN order by c.id")
    List<CaseEntity> findAwaitingReturnOf(String customerCode, String partNumber);

    /** The cancelled case whose spare {@code serial} is on its way back to its depot, if any. */
    @Query("select c from CaseEntity c join c.lines l where l.spareReturning = true and l.spareSerial = :serial")
    Optional<CaseEntity> findReturningSpare(String serial);

    /** Cancelled cases still waiting for a spare that was on its way to come back to its depot. */
    @Query("select c.number from CaseEntity c join c.lines l where l.spareReturning = true group by c.id, c.number order by c.id")
    List<String> findAwaitingReturnedSpare();
}
