package io.spareflow.rma;

import io.spareflow.rma.internal.process.CaseTasks;
import io.spareflow.user.StaffUser;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The human tasks of cases for the pages people work in: the same rules as the tasks API (/api/tasks). */
@Service
public class CaseWork {

    private final CaseTasks tasks;

    CaseWork(CaseTasks tasks) {
        this.tasks = tasks;
    }

    /** Tasks assigned to {@code user} or offered to their groups at their location, oldest first. */
    public List<TaskView> tasksFor(StaffUser user) {
        return tasks.tasksFor(user);
    }

    /** Takes a task offered to one of the user's groups (ConflictException if someone else has it). */
    public TaskView claim(String taskId, StaffUser user) {
        return tasks.claim(taskId, user);
    }

    /** Completes a task with its form fields, validated against its form (InvalidInputException names the wrong ones). */
    public void complete(String taskId, Map<String, Object> fields, StaffUser user) {
        tasks.complete(taskId, fields, user);
    }
}
