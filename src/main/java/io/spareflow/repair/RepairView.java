package io.spareflow.repair;

import java.time.Instant;

/**
 * A repair order as other features see it. {@code turnaroundMinutes} runs from intake to the result (null while
 * open); {@code suspectedRogue} marks a serial that came back with no fault found more than once;
 * {@code deadOnArrival} a spare that was dead when it arrived on site.
 */
public record RepairView(long id, String caseNumber, String serial, String partNumber, String symptom,
                         Instant expectedAt, String repairCenter, Instant intakeAt, Instant dueAt, String technician,
                         RepairDiagnosis diagnosis, String finding, String actions, TestResult testResult, RepairOutcome outcome,
                         Instant completedAt, Long turnaroundMinutes, String returnDepot, Instant returnedAt,
                         boolean suspectedRogue, boolean deadOnArrival) {
}
