package io.spareflow.rma;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A process as the engine holds it: the version new cases start on, and how many instances still run on each version
 * (old versions keep running until they end or are migrated, see docs/operations.md).
 */
public record DeployedProcess(String key, String name, int deployedVersion, SortedMap<Integer, Long> runningByVersion) {

    public DeployedProcess {
        runningByVersion = Collections.unmodifiableSortedMap(new TreeMap<>(runningByVersion));
    }
}
