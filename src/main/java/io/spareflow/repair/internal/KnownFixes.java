package io.spareflow.repair.internal;

import io.spareflow.repair.BoardRepairBpmn;
import io.spareflow.repair.RepairSuggestion;
import io.spareflow.worklist.TaskStep;
import io.spareflow.worklist.TaskSuggestion;
import io.spareflow.worklist.TaskSuggestions;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Repair's contribution to the worklist: a board's diagnosis shows the fixes of past repairs of its part and symptom. */
@Component
@Transactional(readOnly = true)
class KnownFixes implements TaskSuggestions {

    private static final TaskStep DIAGNOSIS = new TaskStep(BoardRepairBpmn.PROCESS_KEY, BoardRepairBpmn.TASK_DIAGNOSE_BOARD);

    private final RepairOrderRepository orders;
    private final ExperienceBase experience;

    KnownFixes(RepairOrderRepository orders, ExperienceBase experience) {
        this.orders = orders;
        this.experience = experience;
    }

    @Override
    public TaskStep step() {
        return DIAGNOSIS;
    }

    @Override
    public List<TaskSuggestion> forCase(String caseNumber, int limit) {
        return orders.findByCaseNumberOrderById(caseNumber).stream().map(RepairOrderEntity::toView)
                .flatMap(order -> experience.suggestions(order.partNumber(), order.symptom(), limit).stream())
                .map(RepairSuggestion::asTaskSuggestion)
                .toList();
    }
}
