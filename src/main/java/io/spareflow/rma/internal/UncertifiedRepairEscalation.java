package io.spareflow.rma.internal;

import io.spareflow.common.Message;
import io.spareflow.customer.Customers;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.rma.SlaStep;
import io.spareflow.training.RepairRoute;
import io.spareflow.training.RepairRouting;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A line's defective board is now expected back: when no repair center has a technician with a valid L2
 * certification for its product line, the case is escalated (first owner and their supervisor), and the timeline says
 * why and which repair center the return label names all the same ({@link RepairRouting}: the nearest one). The
 * board's repair turnaround is the step at risk: nobody may diagnose it where it arrives until someone is certified.
 */
@Component
public class UncertifiedRepairEscalation {

    private final CaseLookup lookup;
    private final CaseDeadlines deadlines;
    private final Parts parts;
    private final Customers customers;
    private final RepairRouting routing;

    UncertifiedRepairEscalation(CaseLookup lookup, CaseDeadlines deadlines, Parts parts, Customers customers,
                                RepairRouting routing) {
        this.lookup = lookup;
        this.deadlines = deadlines;
        this.parts = parts;
        this.customers = customers;
        this.routing = routing;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void returnExpected(String caseNumber, int lineNo) {
        CaseEntity entity = lookup.require(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        if (line.partNumber() == null) {
            return;
        }
        PartInfo part = parts.require(line.partNumber());
        RepairRoute route = routing.routeFor(part.productLine(), customers.requireSite(entity.siteId()).point());
        if (!route.certified()) {
            deadlines.escalate(caseNumber, SlaStep.REPAIR_TURNAROUND, Message.of("training.case.noCertifiedRepairCenter",
                    line.serial(), part.partNumber(), route.productLine(), route.repairCenter().code(),
                    route.repairCenter().name()));
        }
    }
}
