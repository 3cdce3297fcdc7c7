package io.spareflow.repair.internal;

import io.spareflow.repair.RepairOutcome;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.AvailableHints;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface RepairOrderRepository extends JpaRepository<RepairOrderEntity, Long> {

    /**
     * Without flushing first: an order's case and serial never change, so pending changes cannot alter the answer, and
     * the steps of one request (a test result, the result recorded, the return depot chosen) write the order once.
     */
    @QueryHints(@QueryHint(name = AvailableHints.HINT_FLUSH_MODE, value = "COMMIT"))
    Optional<RepairOrderEntity> findByCaseNumberAndSerial(String caseNumber, String serial);

    List<RepairOrderEntity> findByCaseNumberOrderById(String caseNumber);

    List<RepairOrderEntity> findByCaseNumberInOrderById(Collection<String> caseNumbers);

    long countBySerialAndOutcome(String serial, RepairOutcome outcome);

    /** The open repair orders of spares that arrived dead, among these boards. */
    List<RepairOrderEntity> findBySerialInAndDeadOnArrivalTrueAndCompletedAtIsNull(Collection<String> serials);

    String PAST_REPAIR = "select new io.spareflow.repair.internal.PastRepair(r.id, r.partNumber, r.symptom, r.finding, "
            + "r.actions, r.outcome, r.completedAt) from RepairOrderEntity r where r.completedAt is not null and r.finding is not null ";

    /** Past completed repairs of a part, newest first: the experience base when no symptom is given. */
    @Query(PAST_REPAIR + "and r.partNumber = :partNumber order by r.completedAt desc")
    List<PastRepair> findPastRepairs(String partNumber, Pageable page);

    /** Past repairs completed at or after {@code since}: what the experience index has to take in. */
    @Query(PAST_REPAIR + "and r.completedAt >= :since order by r.completedAt")
    List<PastRepair> findPastRepairsCompletedSince(Instant since);

    @Query(PAST_REPAIR + "and r.id in :ids")
    List<PastRepair> findPastRepairsByIds(Collection<Long> ids);
}
