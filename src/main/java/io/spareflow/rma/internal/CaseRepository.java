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

    @Query("select c from CaseEntity c where c.faultySerial = :serial and c.state not in (io.spareflow.rma.CaseState.CLOSED, io.spareflow.rma.CaseState.CANCELLED)")
    Optional<CaseEntity> findOpenBySerial(String serial);

    @Query("select c from CaseEntity c where (:state is null or c.state = :state) and (:owner is null or c.firstOwner = :owner) "
            + "and (:customer is null or c.customerCode = :customer) order by c.createdAt desc, c.id desc")
    List<CaseEntity> search(CaseState state, String owner, String customer, Pageable page);

    @Query("select c from CaseEntity c where c.state not in (io.spareflow.rma.CaseState.CLOSED, io.spareflow.rma.CaseState.CANCELLED) "
            + "and (:owner is null or c.firstOwner = :owner) order by c.createdAt desc, c.id desc")
    List<CaseEntity> findOpen(String owner, Pageable page);

    @Query("select c.number from CaseEntity c where c.state not in (io.spareflow.rma.CaseState.CLOSED, io.spareflow.rma.CaseState.CANCELLED) order by c.id")
    List<String> findOpenNumbers();

    /** The customer's cases in {@code state} for a board of {@code partNumber}, oldest first. */
    List<CaseEntity> findByCustomerCodeAndPartNumberAndStateOrderByIdAsc(String customerCode, String partNumber, CaseState state);

    /** Cancelled cases still waiting for a spare that was on its way to come back to its depot. */
    @Query("select c.number from CaseEntity c where c.returningSpare is not null order by c.id")
    List<String> findAwaitingReturnedSpare();
}
