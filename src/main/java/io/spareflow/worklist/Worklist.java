package io.spareflow.worklist;

import io.spareflow.user.StaffUser;
import io.spareflow.worklist.internal.CandidateGroups;
import io.spareflow.worklist.internal.process.EngineTasks;
import io.spareflow.worklist.internal.process.OpenTask;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The human tasks of every process, for the tasks API (/api/tasks) and the pages people work in: who may see, take
 * and complete a task, and what the feature owning a task's step contributes to it ({@link TaskSuggestions}).
 */
@Service
public class Worklist {

    private static final int SUGGESTIONS = 5;

    private final EngineTasks tasks;
    private final CandidateGroups groups;
    private final Map<TaskStep, TaskSuggestions> suggestions;

    Worklist(EngineTasks tasks, CandidateGroups groups, List<TaskSuggestions> suggestions) {
        this.tasks = tasks;
        this.groups = groups;
        this.suggestions = suggestions.stream().collect(Collectors.toMap(TaskSuggestions::step, Function.identity()));
    }

    /** Tasks assigned to {@code user} or offered to their groups at their location, oldest first, with suggestions. */
    public List<TaskView> tasksFor(StaffUser user) {
        return tasks.tasksFor(user).stream().map(this::withSuggestions).toList();
    }

    /** One task the user has or may take, with suggestions (NotFoundException, AccessDeniedException otherwise). */
    public TaskView find(String taskId, StaffUser user) {
        return withSuggestions(tasks.find(taskId, user));
    }

    /** Takes a task offered to one of the user's groups (ConflictException if someone else has it). */
    public TaskView claim(String taskId, StaffUser user) {
        return tasks.claim(taskId, user);
    }

    /** Completes a task with its form fields, validated against its form (InvalidInputException names the wrong ones). */
    public void complete(String taskId, Map<String, Object> fields, StaffUser user) {
        tasks.complete(taskId, fields, user);
    }

    /** The candidate groups whose tasks {@code user} may take. */
    public List<String> groupsOf(StaffUser user) {
        return groups.of(user);
    }

    private TaskView withSuggestions(OpenTask task) {
        TaskView view = task.view();
        return Optional.ofNullable(suggestions.get(task.step())).filter(source -> view.caseNumber() != null)
                .map(source -> view.withSuggestions(source.forCase(view.caseNumber(), SUGGESTIONS)))
                .orElse(view);
    }
}
