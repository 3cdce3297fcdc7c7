package io.spareflow.web.internal;

import io.spareflow.common.Message;
import io.spareflow.common.Texts;
import io.spareflow.common.NotFoundException;
import io.spareflow.worklist.Worklist;
import io.spareflow.worklist.TaskView;
import io.spareflow.user.StaffUser;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Completes a task from a page's task form: only the fields of the task's own form are passed on. */
@Component
class TaskForms {

    private final Worklist work;
    private final Texts texts;

    TaskForms(Worklist work, Texts texts) {
        this.work = work;
        this.texts = texts;
    }

    void complete(String taskId, Map<String, String> params, StaffUser user, RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            TaskView task = work.tasksFor(user).stream().filter(t -> t.id().equals(taskId)).findFirst()
                    .orElseThrow(() -> new NotFoundException(Message.of("errors.thing.yourTask"), taskId));
            Map<String, Object> fields = new HashMap<>();
            task.formFields().forEach(field -> {
                String value = params.get(field.id());
                if (value != null && !value.isBlank()) {
                    fields.put(field.id(), value);
                }
            });
            work.complete(taskId, fields, user);
            return texts.get("pages.tasks.done", task.name(), task.caseNumber());
        });
    }
}
