package io.spareflow.rma.internal;

import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may change a case: its lines and its cancellation belong to its first owner or a supervisor, its first
 * ownership to a supervisor. Each check throws AccessDeniedException saying who may.
 */
@Component
class CaseChangeRights {

    private final CaseTexts texts;

    CaseChangeRights(CaseTexts texts) {
        this.texts = texts;
    }

    void requireMayChangeLines(CaseEntity entity, StaffUser user) {
        if (!ownerOrSupervisor(entity, user)) {
            throw new AccessDeniedException(texts.text("case.line.owner-only", entity.firstOwner(), entity.number()));
        }
    }

    void requireMayCancel(CaseEntity entity, StaffUser user) {
        if (!ownerOrSupervisor(entity, user)) {
            throw new AccessDeniedException(texts.text("case.cancel.forbidden", entity.number(),
                    String.valueOf(entity.firstOwner())));
        }
    }

    void requireMayTransfer(StaffUser user) {
        if (user.role() != Role.SUPERVISOR) {
            throw new AccessDeniedException("Only a supervisor may transfer a case's first ownership");
        }
    }

    private static boolean ownerOrSupervisor(CaseEntity entity, StaffUser user) {
        return user.role() == Role.SUPERVISOR || user.username().equals(entity.firstOwner());
    }
}
