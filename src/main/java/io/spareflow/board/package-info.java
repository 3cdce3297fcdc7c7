/**
 * Serialized boards, their state machine and chain of custody; the one gate for moves ({@code Boards.move}) and the order in which features react to one ({@code BoardMoveOrder}).
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "customer", "location", "part"})
package io.spareflow.board;
