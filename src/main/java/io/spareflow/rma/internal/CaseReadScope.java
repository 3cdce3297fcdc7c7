package io.spareflow.rma.internal;

import io.spareflow.common.ForbiddenException;
import io.spareflow.common.Message;
import io.spareflow.rma.CaseView;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which cases a member of staff may read, the same on the pages and in the API: agents, supervisors and admins every
 * case; depot staff the cases whose spare leaves their depot or whose repaired board returns to it; technicians the
 * cases repaired at their repair center. Only those who speak with customers see the tracking token.
 */
@Component
public class CaseReadScope {

    /** The case as {@code reader} may see it; ForbiddenException when it does not pass through their location. */
    public CaseView visibleTo(StaffUser reader, CaseView view) {
        if (!covers(reader, view)) {
            throw new ForbiddenException(Message.of("scope.cases.elsewhere", view.number(), reader.locationCode()));
        }
        return reader.role().speaksWithCustomers() ? view : view.withoutTrackingToken();
    }

    /** Whether any line of the case passes through the reader's location (its spare's depot, its repair). */
    private static boolean covers(StaffUser reader, CaseView view) {
        if (reader.role() == Role.DEPOT) {
            return view.lines().stream().anyMatch(line -> line.spare() != null && reader.mayActAt(line.spare().depotCode())
                    || line.repair() != null && reader.mayActAt(line.repair().returnDepot()));
        }
        if (reader.role() == Role.TECHNICIAN) {
            return view.lines().stream().anyMatch(line -> line.repair() != null && reader.mayActAt(line.repair().repairCenter()));
        }
        return true;
    }
}
