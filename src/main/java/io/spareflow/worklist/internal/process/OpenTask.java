package io.spareflow.worklist.internal.process;

import io.spareflow.worklist.TaskStep;
import io.spareflow.worklist.TaskView;

/** A task as the engine has it: the step it belongs to (for the features' contributions) and its view. */
public record OpenTask(TaskStep step, TaskView view) {
}
