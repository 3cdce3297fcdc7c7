package io.spareflow.repair;

import io.spareflow.repair.internal.ExperienceBase;
import io.spareflow.repair.internal.RepairOrderEntity;
import io.spareflow.repair.internal.RepairOrderRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Repair orders of defective boards, and the maintenance-experience base built from past repairs. */
@Service
@Transactional(readOnly = true)
public class Repairs {

    private final RepairOrderRepository orders;
    private final ExperienceBase experience;
    private final Clock clock;

    Repairs(RepairOrderRepository orders, ExperienceBase experience, Clock clock) {
        this.orders = orders;
        this.experience = experience;
        this.clock = clock;
    }

    /**
     * Opens the repair order of a board of a case, on its way to (or at) a repair center; {@code deadOnArrival} marks
     * a spare that arrived dead (the repair center counts those apart). Calling it again for the same case and board
     * returns the existing order.
     */
    @Transactional
    public RepairView expect(String caseNumber, String serial, String partNumber, String symptom, boolean deadOnArrival) {
        return orders.findByCaseNumberAndSerial(caseNumber, serial)
                .orElseGet(() -> orders.saveAndFlush(new RepairOrderEntity(caseNumber, serial, partNumber, symptom,
                        deadOnArrival, clock.instant())))
                .toView();
    }

    /** The repair orders of a case, one per board sent back, oldest first. */
    public List<RepairView> findByCase(String caseNumber) {
        return orders.findByCaseNumberOrderById(caseNumber).stream().map(RepairOrderEntity::toView).toList();
    }

    public Optional<RepairView> findByCaseAndSerial(String caseNumber, String serial) {
        return orders.findByCaseNumberAndSerial(caseNumber, serial).map(RepairOrderEntity::toView);
    }

    /** The repair orders of these cases, by case number, oldest first (cases without one are left out). */
    public Map<String, List<RepairView>> findByCases(Collection<String> caseNumbers) {
        return orders.findByCaseNumberInOrderById(caseNumbers).stream().map(RepairOrderEntity::toView)
                .collect(Collectors.groupingBy(RepairView::caseNumber));
    }

    /** The most frequent findings and actions of past repairs of this part with a similar symptom. */
    public List<RepairSuggestion> suggestions(String partNumber, String symptom, int limit) {
        return experience.suggestions(partNumber, symptom, limit);
    }

    /** Which of these boards are spares that arrived dead and are being repaired as such (the bench flags them). */
    public Set<String> deadOnArrival(Collection<String> serials) {
        return serials.isEmpty() ? Set.of() : orders.findBySerialInAndDeadOnArrivalTrueAndCompletedAtIsNull(serials).stream()
                .map(RepairOrderEntity::getSerial).collect(Collectors.toSet());
    }

    /** Takes in repairs completed before Spareflow, so the experience base knows their fixes. */
    @Transactional
    public void recordHistory(List<HistoricRepair> history) {
        orders.saveAll(history.stream().map(RepairOrderEntity::historic).toList());
    }

    /** Whether this serial has come back with no fault found more than once. */
    public boolean isSuspectedRogue(String serial) {
        return orders.countBySerialAndOutcome(serial, RepairOutcome.NFF) > 1;
    }
}
