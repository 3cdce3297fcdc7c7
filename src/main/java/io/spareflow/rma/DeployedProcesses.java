package io.spareflow.rma;

import java.util.List;

/** The processes deployed in the engine, by key, with the versions that still have running instances. */
public interface DeployedProcesses {

    List<DeployedProcess> all();
}
