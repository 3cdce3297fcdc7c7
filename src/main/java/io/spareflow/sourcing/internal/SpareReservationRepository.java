package io.spareflow.sourcing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SpareReservationRepository extends JpaRepository<SpareReservationEntity, Long> {

    /**
     * The line's open request (BACKORDER or RESERVED). The statuses are written out, not bound: Hibernate
     * translates a query with a list parameter anew on every call, which was 15 % of a reservation's CPU.
     */
    @Query("""
            select r from SpareReservationEntity r where r.caseNumber = ?1 and r.line = ?2 and r.status in
            (io.spareflow.sourcing.internal.ReservationStatus.BACKORDER, io.spareflow.sourcing.internal.ReservationStatus.RESERVED)""")
    Optional<SpareReservationEntity> findOpenOfLine(String caseNumber, int line);

    /** Backorders for any of these parts, oldest first. */
    @Query("""
            select r.id from SpareReservationEntity r
            where r.status = io.spareflow.sourcing.internal.ReservationStatus.BACKORDER and r.requestedPart in ?1
            order by r.createdAt, r.id""")
    List<Long> findBackorderIds(Collection<String> requestedParts);

    @Query("select distinct r.requestedPart from SpareReservationEntity r"
            + " where r.status = io.spareflow.sourcing.internal.ReservationStatus.BACKORDER")
    List<String> findBackorderedParts();

    /** Locks a backorder unless another transaction is serving it right now. */
    @Query(value = "select * from spare_reservation where id = ?1 and status = 'BACKORDER' for update skip locked",
            nativeQuery = true)
    Optional<SpareReservationEntity> lockBackorder(long id);

    @Query("""
            select r.id from SpareReservationEntity r
            where r.status = io.spareflow.sourcing.internal.ReservationStatus.RESERVED and r.expiresAt < ?1
            order by r.expiresAt""")
    List<Long> findExpiredIds(Instant now, Pageable page);

    List<SpareReservationEntity> findByDepotCodeAndStatusOrderByReservedAt(String depotCode, ReservationStatus status);

    List<SpareReservationEntity> findByCaseNumberOrderByCreatedAtAscIdAsc(String caseNumber);

    Optional<SpareReservationEntity> findBySerialAndStatus(String serial, ReservationStatus status);

    /** Cancels a backorder that has not been served meanwhile; 0 when it has. */
    @Modifying
    @Query(value = """
            update spare_reservation set status = 'CANCELLED', close_reason = ?2, closed_at = ?3, version = version + 1
            where id = ?1 and status = 'BACKORDER'""", nativeQuery = true)
    int cancelBackorder(long id, String reason, Instant at);
}
