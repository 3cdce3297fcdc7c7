package io.spareflow.kpi.internal.process;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/** The engine's job executor backlog, read through Camunda's API: jobs due now, and jobs out of retries. */
@Component
public class JobBacklog {

    private final ManagementService management;

    JobBacklog(ManagementService management) {
        this.management = management;
    }

    /** Jobs that could run now (due, retries left, not suspended) but wait for an executor thread. */
    public long due() {
        return management.createJobQuery().executable().active().count();
    }

    /** Jobs that failed until their retries ran out: an incident each, waiting for a person. */
    public long failed() {
        return management.createJobQuery().noRetriesLeft().count();
    }
}
