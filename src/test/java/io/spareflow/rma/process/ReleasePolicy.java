package io.spareflow.rma.process;

import java.util.List;
import java.util.Map;

/**
 * The last release and what the upgrade does to its running instances, per docs/operations.md "Releases and cases in
 * flight" — one place for the upgrade tests on the plain engine ({@link ReleaseUpgradeProcessTest}) and through the
 * API ({@code ReleaseUpgradeApiTest}).
 */
public final class ReleasePolicy {

    /** The release whose processes are kept byte for byte in processes/released/. */
    public static final String RELEASED = "0.1.0";
    public static final String RELEASED_FOLDER = "processes/released/" + RELEASED + "/";
    public static final String CURRENT_FOLDER = "processes/";
    public static final List<String> PROCESSES = List.of("rma-case", "spare-dispatch", "board-repair");

    public enum Upgrade { MIGRATE, KEEP }

    /**
     * What happens to the instances of the released version of each process. rma-case keeps 0.1.0's instances on
     * their version: the board's work moved into case-line (lines, issue 18), so the activities a 0.1.0 case waits in
     * after its diagnosis have no counterpart to migrate to; the called processes migrate.
     */
    public static final Map<String, Upgrade> POLICY = Map.of(
            "rma-case", Upgrade.KEEP, "spare-dispatch", Upgrade.MIGRATE, "board-repair", Upgrade.MIGRATE);

    private ReleasePolicy() {
    }
}
