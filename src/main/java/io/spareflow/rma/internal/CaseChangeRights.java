package io.spareflow.rma.internal;

import io.spareflow.common.ForbiddenException;
import io.spareflow.common.Message;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may change a case: its lines and its cancellation belong to its first owner or a supervisor, its first
 * ownership to a supervisor. Each check throws ForbiddenException saying who may.
 */
@Component
class CaseChangeRights {

    void requireMayChangeLines(CaseEntity entity, StaffUser user) {
        if (!ownerOrSupervisor(entity, user)) {
            throw new ForbiddenException(Message.of("case.line.owner-only", entity.firstOwner(), entity.number()));
        }
    }

    void requireMayCancel(CaseEntity entity, StaffUser user) {
        if (!ownerOrSupervisor(entity, user)) {
            throw new ForbiddenException(Message.of("case.cancel.forbidden", entity.number(),
                    String.valueOf(entity.firstOwner())));
        }
    }

    void requireMayTransfer(StaffUser user) {
        if (user.role() != Role.SUPERVISOR) {
            throw new ForbiddenException(Message.of("errors.case.transferBySupervisor"));
        }
    }

    private static boolean ownerOrSupervisor(CaseEntity entity, StaffUser user) {
        return user.role() == Role.SUPERVISOR || user.username().equals(entity.firstOwner());
    }
}
