package io.spareflow.rma.internal;

import io.spareflow.repair.RepairSuggestion;
import io.spareflow.repair.Repairs;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.worklist.TaskStep;
import io.spareflow.worklist.TaskSuggestion;
import io.spareflow.worklist.TaskSuggestions;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case base at the hotline (as the source document uses it): a remote diagnosis shows what past repairs of the
 * case's part with a similar symptom found and did.
 */
@Component
@Transactional(readOnly = true)
class RemoteDiagnosisFixes implements TaskSuggestions {

    private static final TaskStep REMOTE_DIAGNOSIS = new TaskStep(RmaCaseBpmn.PROCESS_KEY, RmaCaseBpmn.TASK_REMOTE_DIAGNOSIS);

    private final CaseRepository cases;
    private final Repairs repairs;

    RemoteDiagnosisFixes(CaseRepository cases, Repairs repairs) {
        this.cases = cases;
        this.repairs = repairs;
    }

    @Override
    public TaskStep step() {
        return REMOTE_DIAGNOSIS;
    }

    @Override
    public List<TaskSuggestion> forCase(String caseNumber, int limit) {
        return cases.findByNumber(caseNumber).stream()
                .flatMap(c -> c.lines().stream().map(CaseLineEntity::partNumber).distinct()
                        .flatMap(part -> repairs.suggestions(part, c.symptom(), limit).stream()))
                .map(RepairSuggestion::asTaskSuggestion)
                .toList();
    }
}
