package io.spareflow.repair.internal;

import io.spareflow.repair.RepairOutcome;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RepairOrderRepository extends JpaRepository<RepairOrderEntity, Long> {

    Optional<RepairOrderEntity> findByCaseNumberAndSerial(String caseNumber, String serial);

    List<RepairOrderEntity> findByCaseNumberOrderById(String caseNumber);

    List<RepairOrderEntity> findByCaseNumberInOrderById(Collection<String> caseNumbers);

    long countBySerialAndOutcome(String serial, RepairOutcome outcome);

    /** The open repair orders of spares that arrived dead, among these boards. */
    List<RepairOrderEntity> findBySerialInAndDeadOnArrivalTrueAndCompletedAtIsNull(Collection<String> serials);

    /** Past completed repairs of a part, newest first: the raw material of the experience base. */
    @Query("select new io.spareflow.repair.internal.PastRepair(r.symptom, r.finding, r.actions, r.outcome, r.completedAt) "
            + "from RepairOrderEntity r where r.partNumber = :partNumber and r.completedAt is not null and r.finding is not null "
            + "order by r.completedAt desc")
    List<PastRepair> findPastRepairs(String partNumber, Pageable page);
}
