/**
 * The worklist: every process's human tasks for the people who do them (list, claim, complete with form fields), and
 * what features contribute: suggestions for their own steps' tasks ({@link io.spareflow.worklist.TaskSuggestions}) and
 * the candidate groups they qualify people for ({@link io.spareflow.worklist.TaskQualifications}), so the features
 * that run processes don't know each other's tasks.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "user"})
package io.spareflow.worklist;
