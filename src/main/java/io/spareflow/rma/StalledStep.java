package io.spareflow.rma;

/**
 * A waiting step of an open case that can no longer complete as things stand: what the step needs to be true
 * ({@code expected}) and what is true now ({@code actual}). {@code step} is the BPMN element the case waits in.
 */
public record StalledStep(String caseNumber, String step, String expected, String actual) {
}
