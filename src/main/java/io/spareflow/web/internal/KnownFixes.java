package io.spareflow.web.internal;

import io.spareflow.repair.RepairSuggestion;
import io.spareflow.repair.Repairs;
import io.spareflow.rma.Cases;
import io.spareflow.rma.TaskView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Fixes from the maintenance-experience base beside the tasks that diagnose a fault (the hotline's remote diagnosis,
 * the bench's board diagnosis): past repairs of the case's part with a similar symptom, by task id.
 */
@Component
class KnownFixes {

    private static final int SUGGESTIONS = 5;

    private final Cases cases;
    private final Repairs repairs;

    KnownFixes(Cases cases, Repairs repairs) {
        this.cases = cases;
        this.repairs = repairs;
    }

    Map<String, List<RepairSuggestion>> forTasks(List<TaskView> tasks, String taskKey) {
        Map<String, List<RepairSuggestion>> fixes = new HashMap<>();
        tasks.stream().filter(t -> taskKey.equals(t.taskKey()) && t.caseNumber() != null)
                .forEach(t -> cases.find(t.caseNumber()).ifPresent(c ->
                        fixes.put(t.id(), repairs.suggestions(c.partNumber(), c.symptom(), SUGGESTIONS))));
        return fixes;
    }
}
