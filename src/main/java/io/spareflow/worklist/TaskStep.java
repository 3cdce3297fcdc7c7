package io.spareflow.worklist;

/** One step of a process: the process's key and the id of its user task, as the model names them. */
public record TaskStep(String processKey, String taskKey) {
}
