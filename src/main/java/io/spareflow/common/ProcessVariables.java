package io.spareflow.common;

/**
 * Variables and groups every Spareflow process shares, so the task list reads them the same way in each: the case
 * a task belongs to, the location where its work happens, and the candidate group of certified technicians.
 */
public final class ProcessVariables {

    public static final String CASE_NUMBER = "caseNumber";
    /** The line of the case (one faulty board) a line process and the spare dispatch it calls work for. */
    public static final String LINE = "line";
    /** The location where a task's work happens (e.g. the repair center): only staff of that location may take it. */
    public static final String ACT_AT = "actAt";
    /** Candidate groups {@code certified:<product line>}: technicians certified for that product line. */
    public static final String CERTIFIED_GROUP_PREFIX = "certified:";

    private ProcessVariables() {
    }

    /** The candidate group of technicians certified for {@code productLine}. */
    public static String certifiedFor(String productLine) {
        return CERTIFIED_GROUP_PREFIX + productLine;
    }
}
