package io.spareflow.user;

import java.util.Set;

/** A user as shown to others (no credentials). */
public record UserSummary(String username, String displayName, String email, Role role, String locationCode,
                          Set<String> productLines, String supervisor) {

    public static UserSummary of(StaffUser user) {
        return new UserSummary(user.username(), user.displayName(), user.email(), user.role(), user.locationCode(),
                user.productLines(), user.supervisor());
    }
}
