package io.spareflow.repair;

/** The result of the bench test after a repair: the values of the board-repair {@code testResult} field. */
public enum TestResult {
    PASS,
    FAIL
}
