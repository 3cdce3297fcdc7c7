package io.spareflow.worklist;

import java.time.Instant;
import java.util.List;

/** A human task of a case as the tasks API shows it, with the fields its completion takes. */
public record TaskView(String id, String name, String taskKey, String caseNumber, String assignee,
                       List<String> candidateGroups, Instant created, String description, List<FormFieldView> formFields,
                       List<TaskSuggestion> suggestions) {

    /** The same task with what its step's feature suggests (e.g. known fixes with a board's diagnosis). */
    public TaskView withSuggestions(List<TaskSuggestion> known) {
        return new TaskView(id, name, taskKey, caseNumber, assignee, candidateGroups, created, description, formFields, known);
    }

    /** One form field: {@code allowedValues} lists the choices of an enum field. */
    public record FormFieldView(String id, String label, String type, boolean required, List<String> allowedValues) {
    }
}
