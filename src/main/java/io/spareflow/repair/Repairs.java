package io.spareflow.repair;

import io.spareflow.repair.internal.ExperienceBase;
import io.spareflow.repair.internal.RepairOrderEntity;
import io.spareflow.repair.internal.RepairOrderRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
     * Opens the repair order of a case whose defective board is on its way to (or at) a repair center. Calling it
     * again for the same case returns the existing order.
     */
    @Transactional
    public RepairView expect(String caseNumber, String serial, String partNumber, String symptom) {
        return orders.findByCaseNumber(caseNumber)
                .orElseGet(() -> orders.saveAndFlush(new RepairOrderEntity(caseNumber, serial, partNumber, symptom, clock.instant())))
                .toView();
    }

    public Optional<RepairView> findByCase(String caseNumber) {
        return orders.findByCaseNumber(caseNumber).map(RepairOrderEntity::toView);
    }

    /** The repair orders of these cases, by case number (cases without one are left out). */
    public Map<String, RepairView> findByCases(Collection<String> caseNumbers) {
        return orders.findByCaseNumberIn(caseNumbers).stream().map(RepairOrderEntity::toView)
                .collect(Collectors.toMap(RepairView::caseNumber, Function.identity()));
    }

    /** The most frequent findings and actions of past repairs of this part with a similar symptom. */
    public List<RepairSuggestion> suggestions(String partNumber, String symptom, int limit) {
        return experience.suggestions(partNumber, symptom, limit);
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
