package io.spareflow.worklist;

import java.util.List;

/**
 * What a feature contributes to the tasks of one step of its process: suggestions shown with each of them (repair:
 * known fixes from past repairs for a board's diagnosis). The worklist asks the one source of a task's step.
 */
public interface TaskSuggestions {

    /** The step whose tasks get these suggestions. */
    TaskStep step();

    /** The suggestions for that step's task of this case, best first, at most {@code limit}. */
    List<TaskSuggestion> forCase(String caseNumber, int limit);
}
