/**
 * Training certification (the source document's 培训认证系统): who is certified for which product line at which level,
 * issued by whom, valid from when until when. A valid L2 certification makes a technician a candidate for the
 * diagnosis of that product line's boards (a {@link io.spareflow.worklist.TaskQualifications} of the worklist), and
 * a repair center with such a technician a destination for them.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "common", "location", "part", "user", "worklist"})
package io.spareflow.training;
